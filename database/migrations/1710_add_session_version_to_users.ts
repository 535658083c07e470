import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Panel sessions carry the account's session version from sign-in; bumping
 * it (password reset or change, disabling, signing out) ends every panel
 * session of the account, whichever store holds them: a copied session
 * cookie stays dead even with the cookie store.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.integer('session_version').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('session_version')
    })
  }
}
