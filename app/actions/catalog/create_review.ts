import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import Review from '#models/review'
import { ConflictError, NotFoundError, isUniqueViolation } from '#exceptions/domain_errors'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

/**
 * A customer's review. The product row is locked before the review is
 * written and its avg_rating / rating_count are then recomputed from all
 * reviews in the same transaction: concurrent reviews queue on the lock and
 * each recount sees the ones committed before it, so the figures stay exact.
 */
export default class CreateReview {
  async handle(
    customer: User,
    productId: number,
    input: { rating: number; comment?: string | null }
  ) {
    try {
      const created = await db.transaction(async (trx) => {
        const locked = await trx
          .from('products')
          .where('id', productId)
          .forUpdate()
          .select('id')
          .first()
        if (!locked) throw new NotFoundError('Product not found')
        const review = await Review.create(
          { productId, userId: customer.id, rating: input.rating, comment: input.comment ?? null },
          { client: trx }
        )
        await trx.rawQuery(
          `UPDATE products p SET avg_rating = r.avg, rating_count = r.count
             FROM (SELECT COALESCE(round(avg(rating), 2), 0) AS avg, count(*) AS count
                     FROM reviews WHERE product_id = ?) r
            WHERE p.id = ?`,
          [productId, productId]
        )
        return review
      })
      // Lists show ratings and sort by them.
      await bumpCatalogVersion()
      return created
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('You have already reviewed this product')
      throw error
    }
  }
}
