import type { Infer } from '@vinejs/vine/types'
import type User from '#models/user'
import { FieldInvalidError, isUniqueViolation } from '#exceptions/domain_errors'
import type { sellerProfileValidator } from '#validators/seller_profile'

export type SellerProfileInput = Infer<typeof sellerProfileValidator>

/**
 * A seller edits its business details (they print on its GST invoices from
 * the next one on; invoices already issued keep what they showed). The
 * approval status is not touched here: only ReviewSeller decides it.
 */
export default class UpdateSellerProfile {
  async handle(seller: User, input: SellerProfileInput) {
    if (!seller.$preloaded.sellerProfile) await seller.load('sellerProfile')
    const profile = seller.sellerProfile
    profile.merge({
      businessName: input.business_name,
      gstin: input.gstin,
      addressLine1: input.address_line1,
      addressLine2: input.address_line2,
      city: input.city,
      state: input.state,
      pincode: input.pincode,
    })
    try {
      await profile.save()
    } catch (error) {
      // Two sellers saving the same GSTIN at once: the unique index decides.
      if (isUniqueViolation(error)) {
        throw new FieldInvalidError('gstin', 'unique', 'The GSTIN has already been taken')
      }
      throw error
    }
    return profile
  }
}
