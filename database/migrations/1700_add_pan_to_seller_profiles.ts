import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The seller's PAN: income-tax withholding (TDS under s.194-O) is 0.1 % with
 * one and 5 % without. For a GST-registered seller it is characters 3–12 of
 * the GSTIN, so existing rows are filled from there.
 */
export default class extends BaseSchema {
  protected tableName = 'seller_profiles'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('pan', 10).nullable()
    })
    this.schema.raw(
      `UPDATE seller_profiles SET pan = substring(gstin FROM 3 FOR 10) WHERE gstin IS NOT NULL`
    )
    this.schema.raw(
      `ALTER TABLE seller_profiles ADD CONSTRAINT seller_profiles_pan_format CHECK (pan ~ '^[A-Z]{5}[0-9]{4}[A-Z]$')`
    )
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('pan')
    })
  }
}
