import type { Infer } from '@vinejs/vine/types'
import type User from '#models/user'
import type SellerProfile from '#models/seller_profile'
import { FieldInvalidError, isUniqueViolation } from '#exceptions/domain_errors'
import { settleSupplierIdentity } from '#services/sellers/supplier_identity'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'
import type { sellerProfileValidator } from '#validators/seller_profile'

/** The panel form's fields; the API's nested address is flattened into them. Left out = unchanged. */
export type SellerProfileInput = Partial<Infer<typeof sellerProfileValidator>>

/** Where the caller's form puts the fields an identity error points at. */
export type IdentityFields = { state: string; pan: string }

/**
 * What an admin checked when approving: who the seller is for tax (GSTIN,
 * state) and the name buyers see. Changing any of them needs a new review.
 */
const REVIEWED_DETAILS = [
  ['businessName', 'business name'],
  ['gstin', 'GSTIN'],
  ['state', 'state'],
] as const satisfies readonly (readonly [keyof SellerProfile, string])[]

/**
 * A seller edits its business details (they print on its GST invoices from
 * the next one on; invoices already issued keep what they showed). An
 * approved seller that changes a reviewed detail goes back to `pending`
 * with a note naming what changed; the same UPDATE hides its products (the
 * sellable trigger, migration 1600_sellable_products) until an admin
 * decides again through ReviewSeller. Address lines, city and PIN code
 * change without review.
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
    const changed = REVIEWED_DETAILS.filter(([key]) => profile.$dirty[key] !== undefined)
    // "GSTIN and state": what the seller is told and the admin's note name.
    const changedForReview =
      profile.status === 'approved' && changed.length > 0
        ? listInWords(changed.map(([, label]) => label))
        : null
    if (changedForReview) {
      profile.status = 'pending'
      profile.reviewNote = `Changed ${changedForReview}`
    }
    try {
      await profile.save()
    } catch (error) {
      // Two sellers saving the same GSTIN at once: the unique index decides.
      if (isUniqueViolation(error)) {
        throw new FieldInvalidError('gstin', 'unique', 'The GSTIN has already been taken')
      }
      throw error
    }
    // The trigger has just hidden every product of the seller.
    if (changedForReview) await bumpCatalogVersion()
    return { profile, changedForReview }
  }
}

/** "GSTIN", "GSTIN and state", "business name, GSTIN and state". */
function listInWords(words: string[]) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}
