import { BaseSchema } from '@adonisjs/lucid/schema'
import { backfillInvoiceSnapshots } from '#services/invoices/numbering'

const HSN_CHECK = `~ '^[0-9]{4,8}$'`

/**
 * Rule 46 details and invoices that never change once issued.
 *
 * - `hsn_code` on categories and products (the product's, else its
 *   category's), snapshotted into `order_items` at checkout.
 * - `orders.buyer_gstin`: the optional GSTIN of a business buyer.
 * - `invoices.supplier`, `buyer`, `lines`: everything printed, written when
 *   the invoice is numbered; the PDF is rendered from them alone, so a later
 *   profile edit cannot change an issued invoice. `document_type` says
 *   whether it is a tax invoice or an unregistered seller's bill of sale.
 *
 * Invoices issued before this migration get their snapshot from the current
 * profiles and order rows, with the tax split they were issued with
 * (`supply_type`), so rendering has a single path.
 */
export default class extends BaseSchema {
  async up() {
    for (const table of ['categories', 'products', 'order_items']) {
      this.schema.alterTable(table, (t) => t.string('hsn_code', 8).nullable())
      this.schema.raw(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_hsn_code_check CHECK (hsn_code ${HSN_CHECK})`
      )
    }
    this.schema.alterTable('orders', (table) => table.string('buyer_gstin', 15).nullable())

    this.schema.alterTable('invoices', (table) => {
      table.string('document_type', 16).notNullable().defaultTo('tax_invoice')
      table.jsonb('supplier').nullable()
      table.jsonb('buyer').nullable()
      table.jsonb('lines').nullable()
    })
    this.schema.raw(`
      ALTER TABLE invoices ADD CONSTRAINT invoices_document_type_check
        CHECK (document_type IN ('tax_invoice', 'bill_of_sale'))
    `)
    this.defer(async (db) => {
      await backfillInvoiceSnapshots(db)
      await db.rawQuery(`
        ALTER TABLE invoices
          ALTER COLUMN supplier SET NOT NULL,
          ALTER COLUMN buyer SET NOT NULL,
          ALTER COLUMN lines SET NOT NULL,
          ALTER COLUMN document_type DROP DEFAULT
      `)
    })
  }

  async down() {
    this.schema.alterTable('invoices', (table) => {
      table.dropColumn('lines')
      table.dropColumn('buyer')
      table.dropColumn('supplier')
      table.dropColumn('document_type')
    })
    this.schema.alterTable('orders', (table) => table.dropColumn('buyer_gstin'))
    for (const table of ['order_items', 'products', 'categories']) {
      this.schema.alterTable(table, (t) => t.dropColumn('hsn_code'))
    }
  }
}
