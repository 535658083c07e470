import { createHash, randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import { passwordResetMinutes } from '#config/auth'
import User from '#models/user'
import outbox from '#services/queue/outbox'

export function hashResetToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Issues a single-use reset token for an active account and queues the
 * mail. Unknown or disabled emails do nothing, silently: the caller
 * answers the same either way. Only the token's hash is stored; the mail
 * job receives it sealed with APP_KEY.
 */
export default class RequestPasswordReset {
  async handle(email: string) {
    const user = await User.query()
      .whereRaw('lower(email) = ?', [User.normaliseEmail(email)])
      .first()
    if (!user || !user.isActive) return

    const token = randomBytes(32).toString('base64url')
    await db.transaction(async (trx) => {
      const [row] = await trx
        .insertQuery()
        .table('password_reset_tokens')
        .insert({
          user_id: user.id,
          token_hash: hashResetToken(token),
          expires_at: new Date(Date.now() + passwordResetMinutes * 60_000),
        })
        .returning('id')
      await outbox.record(trx, 'password_reset.requested', {
        userId: user.id,
        tokenId: Number(row.id),
        sealedToken: encryption.encrypt(token),
      })
    })
    await outbox.flush()
  }
}
