import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ReviewSeller from '#actions/sellers/review_seller'
import ListSellerApplications from '#actions/sellers/list_seller_applications'
import SellerPolicy from '#policies/seller_policy'
import { SELLER_STATUSES } from '#enums/seller_status'
import { backTo, listFilters, pager } from '#controllers/panel/support/forms'
import { serializeSellerForAdmin } from '#transformers/user_transformer'
import { listSellersValidator } from '#validators/admin'

const PER_PAGE = 20

/** Seller applications: the API's query, policy and ReviewSeller action behind buttons. */
export default class SellersController {
  @inject()
  async index({ bouncer, request, view }: HttpContext, listApplications: ListSellerApplications) {
    await bouncer.with(SellerPolicy).authorize('viewAny')
    const filters = await listFilters(listSellersValidator, request)
    // The panel opens on the applications waiting for a decision.
    const status = request.qs().status === undefined ? 'pending' : filters.status
    const page = await listApplications.handle({ ...filters, status, per_page: PER_PAGE })
    return view.render('panel/admin/sellers', {
      sellers: page.all().map(serializeSellerForAdmin),
      status: status ?? '',
      statuses: SELLER_STATUSES,
      pager: pager(request, page.currentPage, PER_PAGE, page.total),
    })
  }

  @inject()
  async approve(ctx: HttpContext, reviewSeller: ReviewSeller) {
    return this.decide(ctx, reviewSeller, 'approved')
  }

  @inject()
  async reject(ctx: HttpContext, reviewSeller: ReviewSeller) {
    return this.decide(ctx, reviewSeller, 'rejected')
  }

  private async decide(
    { bouncer, params, request, response, session }: HttpContext,
    reviewSeller: ReviewSeller,
    decision: 'approved' | 'rejected'
  ) {
    await bouncer.with(SellerPolicy).authorize('review')
    const seller = await reviewSeller.handle(params.id, decision)
    session.flash('success', `${seller.sellerProfile.businessName} is ${decision}.`)
    return response.redirect(backTo(request, '/panel/admin/sellers'))
  }
}
