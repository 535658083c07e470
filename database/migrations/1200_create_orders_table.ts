import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    // Human order numbers (MO-2026-000123) come from one sequence: unique, never reused.
    this.schema.raw('CREATE SEQUENCE IF NOT EXISTS order_number_seq START 1')

    this.schema.createTable('orders', (table) => {
      table.increments('id')
      table.string('number', 32).notNullable().unique()
      table
        .integer('customer_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table.string('status', 24).notNullable().defaultTo('pending_payment')
      // Kept apart from the order status: created | authorized | captured | failed | refunded.
      table.string('payment_status', 16).notNullable().defaultTo('created')
      table.integer('subtotal_paise').notNullable()
      table.integer('shipping_paise').notNullable()
      table.integer('total_paise').notNullable()
      table.string('currency', 3).notNullable().defaultTo('INR')
      table.jsonb('shipping_address').notNullable()
      table.string('razorpay_order_id', 64).nullable().unique()
      table.string('razorpay_payment_id', 64).nullable()
      table.timestamp('placed_at', { useTz: true }).notNullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('paid_at', { useTz: true }).nullable()
      table.timestamp('shipped_at', { useTz: true }).nullable()
      table.timestamp('delivered_at', { useTz: true }).nullable()
      table.timestamp('cancelled_at', { useTz: true }).nullable()
      table.timestamp('expired_at', { useTz: true }).nullable()
      table.timestamp('refunded_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['customer_id', 'placed_at'])
      table.index(['status', 'placed_at'])
    })
    this.schema.raw(`
      ALTER TABLE orders
        ADD CONSTRAINT orders_status_check CHECK (status IN
          ('pending_payment', 'paid', 'shipped', 'delivered', 'cancelled', 'expired', 'refunded')),
        ADD CONSTRAINT orders_payment_status_check CHECK (payment_status IN
          ('created', 'authorized', 'captured', 'failed', 'refunded')),
        ADD CONSTRAINT orders_amounts_check CHECK (
          subtotal_paise >= 0 AND shipping_paise >= 0 AND total_paise = subtotal_paise + shipping_paise)
    `)
    // The expiry sweep scans only unpaid orders.
    this.schema.raw(
      `CREATE INDEX orders_pending_expiry_idx ON orders (expires_at) WHERE status = 'pending_payment'`
    )

    this.schema.createTable('order_items', (table) => {
      table.increments('id')
      table.integer('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE')
      table
        .integer('product_id')
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('RESTRICT')
      table
        .integer('seller_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      // Snapshots taken at order time: later product edits never change an order.
      table.string('title', 200).notNullable()
      table.integer('unit_price_paise').notNullable()
      table.integer('quantity').notNullable()
      table.smallint('gst_rate').notNullable()
      table.integer('line_total_paise').notNullable()
      table.string('fulfillment_status', 16).notNullable().defaultTo('pending')
      table.timestamp('shipped_at', { useTz: true }).nullable()
      table.timestamp('delivered_at', { useTz: true }).nullable()
      table.timestamp('cancelled_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['order_id'])
      table.index(['seller_id', 'order_id'])
      table.index(['product_id'])
    })
    this.schema.raw(`
      ALTER TABLE order_items
        ADD CONSTRAINT order_items_quantity_check CHECK (quantity > 0),
        ADD CONSTRAINT order_items_line_total_check CHECK (line_total_paise = unit_price_paise * quantity),
        ADD CONSTRAINT order_items_fulfillment_check CHECK (fulfillment_status IN
          ('pending', 'shipped', 'delivered', 'cancelled'))
    `)

    // One row per state change: who moved the order, from what, to what, and why.
    this.schema.createTable('order_transitions', (table) => {
      table.bigIncrements('id')
      table.integer('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE')
      table.string('from_status', 24).nullable()
      table.string('to_status', 24).notNullable()
      table.integer('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('reason', 200).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['order_id', 'id'])
    })

    // Idempotency-Key per customer for POST /api/orders, kept 24 hours.
    this.schema.createTable('idempotency_keys', (table) => {
      table.bigIncrements('id')
      table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('key', 255).notNullable()
      table.string('request_hash', 64).notNullable()
      table.integer('order_id').nullable().references('id').inTable('orders').onDelete('CASCADE')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['user_id', 'key'])
      table.index(['created_at'])
    })

    this.schema.createTable('cart_items', (table) => {
      table.increments('id')
      table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table
        .integer('product_id')
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table.integer('quantity').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['user_id', 'product_id'])
    })
    this.schema.raw(
      'ALTER TABLE cart_items ADD CONSTRAINT cart_items_quantity_check CHECK (quantity >= 1)'
    )
  }

  async down() {
    this.schema.dropTable('cart_items')
    this.schema.dropTable('idempotency_keys')
    this.schema.dropTable('order_transitions')
    this.schema.dropTable('order_items')
    this.schema.dropTable('orders')
    this.schema.raw('DROP SEQUENCE IF EXISTS order_number_seq')
  }
}
