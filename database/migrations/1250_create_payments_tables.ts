import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    /**
     * Every payment attempt and state change, newest last, so support can
     * answer "what happened to my money" from one table.
     */
    this.schema.createTable('payments', (table) => {
      table.bigIncrements('id')
      table.integer('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE')
      table.string('provider', 16).notNullable()
      // order_created | authorized | captured | failed | amount_mismatch | late_payment |
      // duplicate_payment | refund_requested | refund_failed | refunded
      table.string('event', 32).notNullable()
      // api (verify route) | checkout (callback page) | webhook | system
      table.string('source', 16).notNullable()
      table.string('razorpay_order_id', 64).nullable()
      table.string('razorpay_payment_id', 64).nullable()
      table.string('razorpay_refund_id', 64).nullable()
      table.integer('amount_paise').nullable()
      table.string('currency', 3).nullable()
      table.jsonb('raw').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['order_id', 'id'])
      table.index(['razorpay_payment_id'])
    })

    /** Each Razorpay webhook event is processed once: replays hit the unique key. */
    this.schema.createTable('webhook_events', (table) => {
      table.bigIncrements('id')
      table.string('provider', 16).notNullable()
      table.string('event_id', 100).notNullable()
      table.string('event', 64).notNullable()
      table.string('outcome', 32).notNullable()
      table.jsonb('payload').notNullable()
      table.timestamp('received_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['provider', 'event_id'])
    })

    this.schema.alterTable('orders', (table) => {
      table.index(['razorpay_payment_id'])
    })
  }

  async down() {
    this.schema.alterTable('orders', (table) => {
      table.dropIndex(['razorpay_payment_id'])
    })
    this.schema.dropTable('webhook_events')
    this.schema.dropTable('payments')
  }
}
