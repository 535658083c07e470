import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * "Sellable" decided once, in SQL: a product may be listed, shown and bought
 * when it is active, its seller is approved and the seller's account is
 * active. `product_unsellable_reason` is the definition (NULL = sellable);
 * the triggers store its answer in `products.is_visible`, which every reader
 * (storefront indexes, category counts, cart, checkout, panel) uses through
 * `app/services/catalog/sellable.ts`. Before this, a disabled seller account
 * kept its products listed and viewable though they could not be bought.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE FUNCTION product_unsellable_reason(product_active boolean, seller integer)
      RETURNS text LANGUAGE sql STABLE AS $$
        SELECT CASE
                 WHEN product_active IS NOT TRUE THEN 'inactive'
                 WHEN sp.status IS DISTINCT FROM 'approved' THEN 'seller_not_approved'
                 WHEN u.is_active IS NOT TRUE THEN 'seller_disabled'
               END
          FROM (SELECT 1) one
          LEFT JOIN users u ON u.id = seller
          LEFT JOIN seller_profiles sp ON sp.user_id = seller
      $$
    `)
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION products_set_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.is_visible := product_unsellable_reason(NEW.is_active, NEW.seller_id) IS NULL;
        RETURN NEW;
      END $$
    `)
    // Re-deciding a seller's products is an UPDATE of products, so the
    // statement-level trigger keeps categories.product_count right too.
    this.schema.raw(`
      CREATE FUNCTION products_resync_seller(seller integer) RETURNS void LANGUAGE sql AS $$
        UPDATE products SET is_visible = product_unsellable_reason(is_active, seller_id) IS NULL
         WHERE seller_id = seller
           AND is_visible IS DISTINCT FROM (product_unsellable_reason(is_active, seller_id) IS NULL)
      $$
    `)
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION seller_profiles_sync_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM products_resync_seller(NEW.user_id);
        RETURN NULL;
      END $$
    `)
    this.schema.raw(`
      CREATE FUNCTION users_sync_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM products_resync_seller(NEW.id);
        RETURN NULL;
      END $$
    `)
    this.schema.raw(`
      CREATE TRIGGER users_visibility AFTER UPDATE OF is_active ON users
      FOR EACH ROW WHEN (OLD.is_active IS DISTINCT FROM NEW.is_active)
      EXECUTE FUNCTION users_sync_visibility()
    `)
    this.schema.raw(`
      COMMENT ON COLUMN products.is_visible IS
        'Sellable: product_unsellable_reason(is_active, seller_id) IS NULL (active, seller approved, seller account active). Kept by triggers; never written by the application.'
    `)
    // Products of sellers disabled before this migration.
    this.schema.raw(`
      UPDATE products SET is_visible = product_unsellable_reason(is_active, seller_id) IS NULL
       WHERE is_visible IS DISTINCT FROM (product_unsellable_reason(is_active, seller_id) IS NULL)
    `)
  }

  async down() {
    this.schema.raw('DROP TRIGGER IF EXISTS users_visibility ON users')
    this.schema.raw('DROP FUNCTION IF EXISTS users_sync_visibility()')
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION seller_profiles_sync_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE products SET is_visible = is_active AND NEW.status = 'approved'
          WHERE seller_id = NEW.user_id AND is_visible IS DISTINCT FROM (is_active AND NEW.status = 'approved');
        RETURN NULL;
      END $$
    `)
    this.schema.raw('DROP FUNCTION IF EXISTS products_resync_seller(integer)')
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION products_set_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.is_visible := NEW.is_active AND EXISTS (
          SELECT 1 FROM seller_profiles sp WHERE sp.user_id = NEW.seller_id AND sp.status = 'approved'
        );
        RETURN NEW;
      END $$
    `)
    this.schema.raw('DROP FUNCTION IF EXISTS product_unsellable_reason(boolean, integer)')
    this.schema.raw('COMMENT ON COLUMN products.is_visible IS NULL')
    // The BEFORE trigger recomputes the old rule on this touch.
    this.schema.raw(
      'UPDATE products SET is_visible = NOT is_visible WHERE NOT is_visible AND is_active'
    )
  }
}
