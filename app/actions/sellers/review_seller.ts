import { DateTime } from 'luxon'
import User from '#models/user'
import { DomainError, NotFoundError } from '#exceptions/domain_errors'
import type { SellerStatus } from '#enums/seller_status'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

/** What every invoice prints of the supplier's address. */
const REQUIRED_ADDRESS = [
  ['addressLine1', 'address line 1'],
  ['city', 'city'],
  ['state', 'state'],
  ['pincode', 'PIN code'],
] as const

/**
 * An admin's decision on a seller application. Re-deciding is allowed
 * (an approved seller can be suspended by rejecting it, and back).
 * Saving the status also shows or hides the seller's products in the same
 * statement: a database trigger re-decides products.is_visible, whether
 * they are sellable (migration 1600_sellable_products). Approval needs a
 * complete business address: every invoice the seller issues prints it.
 */
export default class ReviewSeller {
  async handle(sellerUserId: number, decision: Exclude<SellerStatus, 'pending'>) {
    const user = await User.query()
      .where('id', sellerUserId)
      .where('role', 'seller')
      .preload('sellerProfile')
      .first()
    if (!user) throw new NotFoundError('Seller not found')
    if (decision === 'approved') {
      const missing = REQUIRED_ADDRESS.filter(([key]) => !user.sellerProfile[key]?.trim())
      if (missing.length) {
        // No field: the panel shows it as a message on the applications list.
        throw new DomainError(
          `The seller cannot be approved without a complete business address (missing: ${missing.map(([, label]) => label).join(', ')}); it is printed on every invoice`,
          { status: 422, code: 'E_SELLER_ADDRESS_INCOMPLETE' }
        )
      }
    }
    user.sellerProfile.status = decision
    user.sellerProfile.reviewedAt = DateTime.now()
    user.sellerProfile.reviewNote = null
    await user.sellerProfile.save()
    // The trigger has just shown or hidden every product of the seller.
    await bumpCatalogVersion()
    return user
  }
}
