import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'

/**
 * Enables or disables an account. Disabling also revokes every token, so
 * re-enabling later does not bring old sessions back to life.
 */
export default class SetUserActive {
  async handle(user: User, isActive: boolean) {
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.isActive = isActive
      await user.save()
      if (!isActive) {
        await trx.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      }
    })
    return user
  }
}
