import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every change to products.stock, with its reason and what caused it, so
 * stock can be audited: per product the deltas sum to the current stock.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('stock_movements', (table) => {
      table.bigIncrements('id')
      table
        .integer('product_id')
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table.integer('delta').notNullable()
      // initial | adjustment | order_reserved | order_released
      table.string('reason', 32).notNullable()
      table.string('reference_type', 32).nullable()
      table.integer('reference_id').nullable()
      table.integer('stock_after').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['product_id', 'id'])
    })
    this.schema.raw(
      'ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_nonzero CHECK (delta <> 0)'
    )
  }

  async down() {
    this.schema.dropTable('stock_movements')
  }
}
