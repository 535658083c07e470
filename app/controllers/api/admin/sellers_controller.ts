import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import ReviewSeller from '#actions/sellers/review_seller'
import SellerPolicy from '#policies/seller_policy'
import { listSellersValidator } from '#validators/admin'
import { serializeSellerForAdmin } from '#transformers/user_transformer'
import { paginated } from '#transformers/pagination'

export default class SellersController {
  async index({ bouncer, request }: HttpContext) {
    await bouncer.with(SellerPolicy).authorize('viewAny')
    const filters = await request.validateUsing(listSellersValidator, { data: request.qs() })
    const page = await User.query()
      .where('role', 'seller')
      .whereHas('sellerProfile', (profile) => {
        if (filters.status) profile.where('status', filters.status)
      })
      .preload('sellerProfile')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.per_page ?? 20)
    return paginated(page, serializeSellerForAdmin)
  }

  @inject()
  async approve({ bouncer, params }: HttpContext, reviewSeller: ReviewSeller) {
    await bouncer.with(SellerPolicy).authorize('review')
    const seller = await reviewSeller.handle(params.id, 'approved')
    return { data: serializeSellerForAdmin(seller) }
  }

  @inject()
  async reject({ bouncer, params }: HttpContext, reviewSeller: ReviewSeller) {
    await bouncer.with(SellerPolicy).authorize('review')
    const seller = await reviewSeller.handle(params.id, 'rejected')
    return { data: serializeSellerForAdmin(seller) }
  }
}
