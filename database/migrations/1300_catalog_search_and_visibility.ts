import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Catalog at scale: storefront visibility denormalised onto products,
 * full-text and typo-tolerant search, and partial indexes in the order each
 * listing is read, so every storefront query walks an index and stops after
 * one page (see docs/performance.md).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm')

    // is_visible = is_active AND the seller is approved. Kept by triggers (below)
    // so every writer (API, panel, seeders, factories, other modules) stays correct.
    this.schema.raw(`
      ALTER TABLE products
        ADD COLUMN is_visible boolean NOT NULL DEFAULT false,
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') ||
          setweight(to_tsvector('english', description), 'B')
        ) STORED,
        ADD CONSTRAINT products_sales_count_not_negative CHECK (sales_count >= 0),
        ADD CONSTRAINT products_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
    `)
    // Visible products directly in the category, kept by a statement-level trigger
    // so the category list never counts a million rows.
    this.schema.raw(`
      ALTER TABLE categories
        ADD COLUMN product_count integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT categories_product_count_not_negative CHECK (product_count >= 0),
        ADD CONSTRAINT categories_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
    `)

    this.schema.raw(`
      CREATE FUNCTION products_set_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.is_visible := NEW.is_active AND EXISTS (
          SELECT 1 FROM seller_profiles sp WHERE sp.user_id = NEW.seller_id AND sp.status = 'approved'
        );
        RETURN NEW;
      END $$
    `)
    this.schema.raw(`
      CREATE TRIGGER products_visibility BEFORE INSERT OR UPDATE OF is_active, seller_id, is_visible
      ON products FOR EACH ROW EXECUTE FUNCTION products_set_visibility()
    `)
    this.schema.raw(`
      CREATE FUNCTION seller_profiles_sync_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE products SET is_visible = is_active AND NEW.status = 'approved'
          WHERE seller_id = NEW.user_id AND is_visible IS DISTINCT FROM (is_active AND NEW.status = 'approved');
        RETURN NULL;
      END $$
    `)
    this.schema.raw(`
      CREATE TRIGGER seller_profiles_visibility AFTER INSERT OR UPDATE OF status
      ON seller_profiles FOR EACH ROW EXECUTE FUNCTION seller_profiles_sync_visibility()
    `)

    this.schema.raw(`
      CREATE FUNCTION products_count_per_category() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH delta AS (
          SELECT category_id, sum(d) AS d FROM (
            SELECT category_id, -1 AS d FROM old_rows WHERE is_visible
            UNION ALL
            SELECT category_id, 1 AS d FROM new_rows WHERE is_visible
          ) changes GROUP BY category_id
        )
        UPDATE categories c SET product_count = c.product_count + delta.d
          FROM delta WHERE c.id = delta.category_id AND delta.d <> 0;
        RETURN NULL;
      END $$
    `)
    // INSERT and DELETE triggers have only one transition table: two thin wrappers.
    this.schema.raw(`
      CREATE FUNCTION products_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE categories c SET product_count = c.product_count + n.d
          FROM (SELECT category_id, count(*) AS d FROM new_rows WHERE is_visible GROUP BY category_id) n
          WHERE c.id = n.category_id;
        RETURN NULL;
      END $$
    `)
    this.schema.raw(`
      CREATE FUNCTION products_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE categories c SET product_count = c.product_count - o.d
          FROM (SELECT category_id, count(*) AS d FROM old_rows WHERE is_visible GROUP BY category_id) o
          WHERE c.id = o.category_id;
        RETURN NULL;
      END $$
    `)
    this.schema.raw(`
      CREATE TRIGGER products_count_insert AFTER INSERT ON products
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION products_count_inserted()
    `)
    this.schema.raw(`
      CREATE TRIGGER products_count_update AFTER UPDATE ON products
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION products_count_per_category()
    `)
    this.schema.raw(`
      CREATE TRIGGER products_count_delete AFTER DELETE ON products
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION products_count_deleted()
    `)

    // Listing indexes: only visible rows, in each sort order, id as the tie-breaker.
    this.schema.raw('DROP INDEX IF EXISTS products_seller_id_index')
    this.schema.raw('DROP INDEX IF EXISTS products_category_id_index')
    for (const sql of PRODUCT_INDEXES) this.schema.raw(sql)

    // Words seen in titles: the dictionary typo correction looks words up in
    // (a trigram search over a few thousand words instead of a million titles).
    this.schema.raw(`
      CREATE TABLE search_words (
        word text PRIMARY KEY CHECK (word ~ '^[a-z0-9]+$' AND length(word) BETWEEN 3 AND 40)
      )
    `)
    this.schema.raw(
      'CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops)'
    )
  }

  async down() {
    this.schema.raw('DROP TABLE IF EXISTS search_words')
    this.schema.raw('DROP TRIGGER IF EXISTS products_count_insert ON products')
    this.schema.raw('DROP TRIGGER IF EXISTS products_count_update ON products')
    this.schema.raw('DROP TRIGGER IF EXISTS products_count_delete ON products')
    this.schema.raw('DROP FUNCTION IF EXISTS products_count_per_category()')
    this.schema.raw('DROP FUNCTION IF EXISTS products_count_inserted()')
    this.schema.raw('DROP FUNCTION IF EXISTS products_count_deleted()')
    this.schema.raw('DROP TRIGGER IF EXISTS seller_profiles_visibility ON seller_profiles')
    this.schema.raw('DROP FUNCTION IF EXISTS seller_profiles_sync_visibility()')
    this.schema.raw('DROP TRIGGER IF EXISTS products_visibility ON products')
    this.schema.raw('DROP FUNCTION IF EXISTS products_set_visibility()')
    for (const name of PRODUCT_INDEX_NAMES) this.schema.raw(`DROP INDEX IF EXISTS ${name}`)
    this.schema.raw('CREATE INDEX products_seller_id_index ON products (seller_id)')
    this.schema.raw('CREATE INDEX products_category_id_index ON products (category_id)')
    this.schema.raw(`
      ALTER TABLE products
        DROP CONSTRAINT products_slug_format,
        DROP CONSTRAINT products_sales_count_not_negative,
        DROP COLUMN search_vector,
        DROP COLUMN is_visible
    `)
    this.schema.raw(`
      ALTER TABLE categories
        DROP CONSTRAINT categories_slug_format,
        DROP CONSTRAINT categories_product_count_not_negative,
        DROP COLUMN product_count
    `)
  }
}

/**
 * `catalog:generate` drops and recreates secondary indexes around a bulk load;
 * it reads their definitions from pg_indexes, so this list stays the only copy.
 */
const PRODUCT_INDEXES = [
  'CREATE INDEX products_newest_idx ON products (created_at DESC, id DESC) WHERE is_visible',
  'CREATE INDEX products_price_idx ON products (price_paise, id) WHERE is_visible',
  'CREATE INDEX products_rating_idx ON products (avg_rating DESC, rating_count DESC, id DESC) WHERE is_visible',
  'CREATE INDEX products_popular_idx ON products (sales_count DESC, id DESC) WHERE is_visible',
  'CREATE INDEX products_category_newest_idx ON products (category_id, created_at DESC, id DESC) WHERE is_visible',
  'CREATE INDEX products_category_price_idx ON products (category_id, price_paise, id) WHERE is_visible',
  'CREATE INDEX products_category_rating_idx ON products (category_id, avg_rating DESC, rating_count DESC, id DESC) WHERE is_visible',
  // Seller views include inactive products; also serves the foreign key.
  'CREATE INDEX products_seller_newest_idx ON products (seller_id, created_at DESC, id DESC)',
  // Foreign key support for category deletes (the partial ones above skip hidden rows).
  'CREATE INDEX products_category_id_idx ON products (category_id)',
  'CREATE INDEX products_search_idx ON products USING gin (search_vector) WHERE is_visible',
]

const PRODUCT_INDEX_NAMES = PRODUCT_INDEXES.map((sql) => sql.split(' ')[2])
