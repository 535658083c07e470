import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import type User from '#models/user'
import { FieldInvalidError } from '#exceptions/domain_errors'
import type { Infer } from '@vinejs/vine/types'
import type { updateMeValidator } from '#validators/auth'

type UpdateMeInput = Infer<typeof updateMeValidator>

/**
 * The account's own name, phone and password. A new password signs every
 * other holder of the account out: its other API tokens are revoked (the
 * one making the change, `currentTokenId`, stays) and its panel sessions end.
 */
export default class UpdateProfile {
  async handle(
    user: User,
    input: UpdateMeInput,
    { currentTokenId }: { currentTokenId?: string | number | BigInt } = {}
  ) {
    const newPassword = input.password
    if (newPassword !== undefined) {
      const matches = await hash.verify(user.password, input.current_password ?? '')
      if (!matches) {
        throw new FieldInvalidError(
          'current_password',
          'currentPassword',
          'The current password is incorrect'
        )
      }
      user.password = newPassword
    }
    if (input.full_name !== undefined) user.fullName = input.full_name
    if (input.phone !== undefined) user.phone = input.phone
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      await user.save()
      if (newPassword !== undefined) {
        await user.revokeAccessTokens(trx, { except: currentTokenId })
        await user.endPanelSessions(trx)
      }
    })
    return user
  }
}
