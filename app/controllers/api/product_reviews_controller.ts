import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Review from '#models/review'
import CreateReview from '#actions/catalog/create_review'
import ReviewPolicy from '#policies/review_policy'
import { createReviewValidator, listReviewsValidator } from '#validators/review'
import { paginated } from '#transformers/pagination'
import { serializeReview } from '#transformers/review_transformer'
import { productFor } from '#services/catalog/product_access'

export default class ProductReviewsController {
  async index(ctx: HttpContext) {
    const product = await productFor(ctx)
    const { page, per_page: perPage } = await ctx.request.validateUsing(listReviewsValidator, {
      data: ctx.request.qs(),
    })
    const reviews = await Review.query()
      .where('product_id', product.id)
      .preload('user')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(page ?? 1, perPage ?? 20)
    return paginated(reviews, serializeReview)
  }

  @inject()
  async store(ctx: HttpContext, createReview: CreateReview) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ReviewPolicy).authorize('create', product)
    const input = await ctx.request.validateUsing(createReviewValidator)
    const review = await createReview.handle(ctx.auth.getUserOrFail(), product.id, input)
    await review.load('user')
    return ctx.response.created({ data: serializeReview(review) })
  }
}
