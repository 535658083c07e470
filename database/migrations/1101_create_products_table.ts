import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('products', (table) => {
      table.increments('id')
      // The seller's user id (the API's seller id everywhere).
      table
        .integer('seller_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table
        .integer('category_id')
        .notNullable()
        .references('id')
        .inTable('categories')
        .onDelete('RESTRICT')
      table.string('title', 200).notNullable()
      table.string('slug', 240).notNullable().unique()
      table.text('description').notNullable().defaultTo('')
      // GST-inclusive selling price and optional MRP, integer paise.
      table.integer('price_paise').notNullable()
      table.integer('mrp_paise').nullable()
      table.integer('stock').notNullable().defaultTo(0)
      table.smallint('gst_rate').notNullable().defaultTo(18)
      table.boolean('is_active').notNullable().defaultTo(true)
      table.decimal('avg_rating', 3, 2).notNullable().defaultTo(0)
      table.integer('rating_count').notNullable().defaultTo(0)
      // Units sold in paid orders; a popularity signal for ranking.
      table.integer('sales_count').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['seller_id'])
      table.index(['category_id'])
    })
    this.schema.raw(`
      ALTER TABLE products
        ADD CONSTRAINT products_price_positive CHECK (price_paise > 0),
        ADD CONSTRAINT products_mrp_not_below_price CHECK (mrp_paise IS NULL OR mrp_paise >= price_paise),
        ADD CONSTRAINT products_stock_not_negative CHECK (stock >= 0),
        ADD CONSTRAINT products_gst_rate_check CHECK (gst_rate IN (0, 5, 12, 18, 28)),
        ADD CONSTRAINT products_rating_range CHECK (avg_rating >= 0 AND avg_rating <= 5),
        ADD CONSTRAINT products_rating_count_not_negative CHECK (rating_count >= 0)
    `)
  }

  async down() {
    this.schema.dropTable('products')
  }
}
