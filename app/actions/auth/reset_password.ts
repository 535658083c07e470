import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { FieldInvalidError } from '#exceptions/domain_errors'
import { hashResetToken } from '#actions/auth/request_password_reset'

/**
 * Sets a new password with a reset token: the token is used up (locked so
 * two requests cannot both use it), the user's other reset tokens die with
 * it, every access token of the user is revoked and every panel session
 * ends: whoever needed the reset may not be the only one holding them.
 */
export default class ResetPassword {
  async handle(token: string, password: string) {
    await db.transaction(async (trx) => {
      const row = await trx
        .from('password_reset_tokens')
        .where('token_hash', hashResetToken(token))
        .whereNull('used_at')
        .where('expires_at', '>', new Date())
        .forUpdate()
        .first()
      const user = row ? await User.find(row.user_id, { client: trx }) : null
      if (!row || !user || !user.isActive) {
        throw new FieldInvalidError('token', 'token', 'The reset link is invalid or has expired')
      }
      user.useTransaction(trx)
      user.password = password
      await user.save()
      await trx
        .from('password_reset_tokens')
        .where('user_id', user.id)
        .whereNull('used_at')
        .update({ used_at: new Date() })
      await user.revokeAccessTokens(trx)
      await user.endPanelSessions(trx)
    })
  }
}
