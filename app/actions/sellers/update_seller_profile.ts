import type { Infer } from '@vinejs/vine/types'
import type User from '#models/user'
import { FieldInvalidError, isUniqueViolation } from '#exceptions/domain_errors'
import { settleSupplierIdentity } from '#services/sellers/supplier_identity'
import type { sellerProfileValidator } from '#validators/seller_profile'

/** The panel form's fields; the API's nested address is flattened into them. Left out = unchanged. */
export type SellerProfileInput = Partial<Infer<typeof sellerProfileValidator>>

/** Where the caller's form puts the fields an identity error points at. */
export type IdentityFields = { state: string; pan: string }

/**
 * A seller edits its business details (they print on its GST invoices from
 * the next one on; invoices already issued keep what they showed). The
 * approval status is not touched here: only ReviewSeller decides it.
 */
export default class UpdateSellerProfile {
  async handle(
    seller: User,
    input: SellerProfileInput,
    fields: IdentityFields = { state: 'state', pan: 'pan' }
  ) {
    if (!seller.$preloaded.sellerProfile) await seller.load('sellerProfile')
    const profile = seller.sellerProfile
    profile.merge(
      Object.fromEntries(
        Object.entries({
          businessName: input.business_name,
          gstin: input.gstin,
          addressLine1: input.address_line1,
          addressLine2: input.address_line2,
          city: input.city,
          state: input.state,
          pincode: input.pincode,
        }).filter(([, value]) => value !== undefined)
      )
    )
    const { pan } = settleSupplierIdentity(
      {
        gstin: profile.gstin,
        pan: input.pan === undefined ? (input.gstin === undefined ? profile.pan : null) : input.pan,
        state: profile.state,
      },
      fields
    )
    profile.pan = pan
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
