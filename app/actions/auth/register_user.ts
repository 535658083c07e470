import db from '@adonisjs/lucid/services/db'
import { settings } from '#services/platform/settings'
import User from '#models/user'
import SellerProfile from '#models/seller_profile'
import outbox from '#services/queue/outbox'
import { FieldInvalidError, isUniqueViolation } from '#exceptions/domain_errors'
import { settleSupplierIdentity } from '#services/sellers/supplier_identity'
import type { Infer } from '@vinejs/vine/types'
import type { registerValidator } from '#validators/auth'

type RegisterInput = Infer<typeof registerValidator>

/**
 * Creates a customer or a seller (with its pending profile) and signs it in.
 */
export default class RegisterUser {
  async handle(input: RegisterInput) {
    try {
      const user = await db.transaction(async (trx) => {
        const created = await User.create(
          {
            email: User.normaliseEmail(input.email),
            password: input.password,
            fullName: input.full_name,
            phone: input.phone ?? null,
            role: input.role,
            isActive: true,
          },
          { client: trx }
        )
        if (input.role === 'seller') {
          const gstin = input.gstin ?? null
          const { pan } = settleSupplierIdentity(
            { gstin, pan: input.pan, state: input.address?.state },
            { state: 'address.state', pan: 'pan' }
          )
          await SellerProfile.create(
            {
              userId: created.id,
              businessName: input.business_name!,
              gstin,
              pan,
              addressLine1: input.address?.line1 ?? null,
              addressLine2: input.address?.line2 ?? null,
              city: input.address?.city ?? null,
              state: input.address?.state ?? null,
              pincode: input.address?.pincode ?? null,
              status: settings.sellerAutoApprove() ? 'approved' : 'pending',
            },
            { client: trx }
          )
        }
        // The welcome mail goes out only if the account really exists (after commit).
        await outbox.record(trx, 'user.registered', { userId: created.id })
        return created
      })
      await outbox.flush()
      if (user.role === 'seller') await user.load('sellerProfile')
      const token = await User.accessTokens.create(user)
      return { user, token }
    } catch (error) {
      // Two registrations racing past the validator's uniqueness check.
      if (isUniqueViolation(error, 'users_email_lower_unique')) {
        throw new FieldInvalidError('email', 'database.unique', 'The email has already been taken')
      }
      if (isUniqueViolation(error, 'seller_profiles_gstin_unique')) {
        throw new FieldInvalidError('gstin', 'database.unique', 'The gstin has already been taken')
      }
      throw error
    }
  }
}
