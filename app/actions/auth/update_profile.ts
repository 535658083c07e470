import hash from '@adonisjs/core/services/hash'
import type User from '#models/user'
import { FieldInvalidError } from '#exceptions/domain_errors'
import type { Infer } from '@vinejs/vine/types'
import type { updateMeValidator } from '#validators/auth'

type UpdateMeInput = Infer<typeof updateMeValidator>

export default class UpdateProfile {
  async handle(user: User, input: UpdateMeInput) {
    if (input.password !== undefined) {
      const matches = await hash.verify(user.password, input.current_password ?? '')
      if (!matches) {
        throw new FieldInvalidError(
          'current_password',
          'currentPassword',
          'The current password is incorrect'
        )
      }
      user.password = input.password
    }
    if (input.full_name !== undefined) user.fullName = input.full_name
    if (input.phone !== undefined) user.phone = input.phone
    await user.save()
    return user
  }
}
