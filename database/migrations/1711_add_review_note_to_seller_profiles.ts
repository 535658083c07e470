import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Why a seller is waiting for review when it is not a new application: an
 * approved seller that changes its GSTIN, business name or state goes back
 * to `pending` with a note the admin reads. Cleared by the admin's decision.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('seller_profiles', (table) => {
      table.string('review_note', 300).nullable()
    })
  }

  async down() {
    this.schema.alterTable('seller_profiles', (table) => {
      table.dropColumn('review_note')
    })
  }
}
