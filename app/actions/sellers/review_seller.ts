import { DateTime } from 'luxon'
import User from '#models/user'
import { NotFoundError } from '#exceptions/domain_errors'
import type { SellerStatus } from '#enums/seller_status'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

/**
 * An admin's decision on a seller application. Re-deciding is allowed
 * (an approved seller can be suspended by rejecting it, and back).
 * Saving the status also shows or hides the seller's products in the same
 * statement: a database trigger re-decides products.is_visible, whether
 * they are sellable (migration 1600_sellable_products).
 */
export default class ReviewSeller {
  async handle(sellerUserId: number, decision: Exclude<SellerStatus, 'pending'>) {
    const user = await User.query()
      .where('id', sellerUserId)
      .where('role', 'seller')
      .preload('sellerProfile')
      .first()
    if (!user) throw new NotFoundError('Seller not found')
    user.sellerProfile.status = decision
    user.sellerProfile.reviewedAt = DateTime.now()
    user.sellerProfile.reviewNote = null
    await user.sellerProfile.save()
    // The trigger has just shown or hidden every product of the seller.
    await bumpCatalogVersion()
    return user
  }
}
