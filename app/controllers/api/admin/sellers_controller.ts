import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ReviewSeller from '#actions/sellers/review_seller'
import ListSellerApplications from '#actions/sellers/list_seller_applications'
import SellerPolicy from '#policies/seller_policy'
import { listSellersValidator } from '#validators/admin'
import { serializeSellerForAdmin } from '#transformers/user_transformer'
import { paginated } from '#transformers/pagination'

export default class SellersController {
  @inject()
  async index({ bouncer, request }: HttpContext, listApplications: ListSellerApplications) {
    await bouncer.with(SellerPolicy).authorize('viewAny')
    const filters = await request.validateUsing(listSellersValidator, { data: request.qs() })
    return paginated(await listApplications.handle(filters), serializeSellerForAdmin)
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
