import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

/**
 * Enables or disables an account. Disabling also revokes every API token
 * and ends every panel session, so re-enabling later does not bring old
 * sessions back to life. A seller's products stop (or start) being
 * sellable in the same statement: a database trigger re-decides
 * products.is_visible (migration 1600_sellable_products), so cached
 * storefront lists are refreshed.
 */
export default class SetUserActive {
  async handle(user: User, isActive: boolean) {
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.isActive = isActive
      await user.save()
      if (!isActive) {
        await user.revokeAccessTokens(trx)
        await user.endPanelSessions(trx)
      }
      if (user.isSeller) trx.after('commit', bumpCatalogVersion)
    })
    return user
  }
}
