import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import User from '#models/user'
import FulfillmentPolicy from '#policies/fulfillment_policy'
import FulfilOrderItem, { type FulfilmentStep } from '#actions/fulfillment/fulfil_order_item'
import SellerDashboard from '#actions/fulfillment/seller_dashboard'
import { serializeSellerOrder } from '#transformers/order_transformer'
import { paginated } from '#transformers/pagination'
import { listOrdersValidator } from '#validators/orders'

async function sellerView(order: Order, sellerId: number) {
  const customer = await User.findOrFail(order.customerId)
  await order.load('items', (items) => items.orderBy('id'))
  return serializeSellerOrder(order, sellerId, customer.fullName)
}

export default class SellerOrdersController {
  async index({ auth, bouncer, request }: HttpContext) {
    await bouncer.with(FulfillmentPolicy).authorize('fulfil')
    const seller = auth.getUserOrFail()
    const filters = await request.validateUsing(listOrdersValidator, { data: request.qs() })
    const query = Order.query()
      .whereExists((sub) =>
        sub
          .from('order_items as i')
          .whereColumn('i.order_id', 'orders.id')
          .where('i.seller_id', seller.id)
      )
      .preload('items', (items) => items.where('seller_id', seller.id).orderBy('id'))
      .preload('customer')
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
    if (filters.status) query.where('status', filters.status)
    const page = await query.paginate(filters.page ?? 1, filters.per_page ?? 20)
    const data = await Promise.all(
      page.all().map((order) => serializeSellerOrder(order, seller.id, order.customer.fullName))
    )
    return { ...paginated(page, () => null), data }
  }

  @inject()
  async ship(ctx: HttpContext, fulfil: FulfilOrderItem) {
    return this.advance(ctx, fulfil, 'shipped')
  }

  @inject()
  async deliver(ctx: HttpContext, fulfil: FulfilOrderItem) {
    return this.advance(ctx, fulfil, 'delivered')
  }

  @inject()
  async dashboard({ auth, bouncer }: HttpContext, dashboard: SellerDashboard) {
    await bouncer.with(FulfillmentPolicy).authorize('fulfil')
    return { data: await dashboard.handle(auth.getUserOrFail()) }
  }

  private async advance(
    { auth, bouncer, params }: HttpContext,
    fulfil: FulfilOrderItem,
    step: FulfilmentStep
  ) {
    await bouncer.with(FulfillmentPolicy).authorize('fulfil')
    const seller = auth.getUserOrFail()
    const { order } = await fulfil.handle(seller, params.id, params.item, step)
    return { data: await sellerView(order, seller.id) }
  }
}
