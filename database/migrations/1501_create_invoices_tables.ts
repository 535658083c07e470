import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    // Last number issued per seller per financial year, locked FOR UPDATE
    // while a number is taken: consecutive, never reused.
    this.schema.createTable('invoice_counters', (table) => {
      table.integer('seller_id').notNullable().references('id').inTable('users')
      table.string('financial_year', 7).notNullable()
      table.integer('last_sequence').notNullable().defaultTo(0)
      table.primary(['seller_id', 'financial_year'])
    })

    // One GST tax invoice per seller per order. The number is assigned once;
    // regenerating the PDF never changes it.
    this.schema.createTable('invoices', (table) => {
      table.increments('id')
      table
        .integer('order_id')
        .notNullable()
        .references('id')
        .inTable('orders')
        .onDelete('RESTRICT')
      table.integer('seller_id').notNullable().references('id').inTable('users')
      table.string('number', 32).notNullable()
      table.string('financial_year', 7).notNullable()
      table.integer('sequence').notNullable()
      table.timestamp('issued_at', { useTz: true }).notNullable()
      table.string('supply_type', 10).notNullable()
      table.integer('taxable_paise').notNullable()
      table.integer('cgst_paise').notNullable()
      table.integer('sgst_paise').notNullable()
      table.integer('igst_paise').notNullable()
      table.integer('shipping_paise').notNullable().defaultTo(0)
      table.integer('total_paise').notNullable()
      table.string('pdf_path', 255).nullable()
      table.timestamp('generated_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      // Numbers are per seller: two sellers may both issue INV/2026-27/000001.
      table.unique(['seller_id', 'number'])
      table.unique(['order_id', 'seller_id'])
      table.unique(['seller_id', 'financial_year', 'sequence'])
    })
    this.schema.raw(`
      ALTER TABLE invoices
        ADD CONSTRAINT invoices_supply_type_check CHECK (supply_type IN ('intra', 'inter')),
        ADD CONSTRAINT invoices_totals_check CHECK (
          total_paise = taxable_paise + cgst_paise + sgst_paise + igst_paise)
    `)
  }

  async down() {
    this.schema.dropTable('invoices')
    this.schema.dropTable('invoice_counters')
  }
}
