import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import FulfillmentPolicy from '#policies/fulfillment_policy'
import FulfilOrderItem, { type FulfilmentStep } from '#actions/fulfillment/fulfil_order_item'
import SellerDashboard from '#actions/fulfillment/seller_dashboard'
import ListSellerOrders from '#actions/fulfillment/list_seller_orders'
import { serializeSellerOrder, withSellerView } from '#transformers/order_transformer'
import { paginated } from '#transformers/pagination'
import { listOrdersValidator } from '#validators/orders'

async function sellerView(orderId: number, sellerId: number) {
  const order = await withSellerView(Order.query(), sellerId).where('id', orderId).firstOrFail()
  return serializeSellerOrder(order)
}

export default class SellerOrdersController {
  @inject()
  async index({ auth, bouncer, request }: HttpContext, listSellerOrders: ListSellerOrders) {
    await bouncer.with(FulfillmentPolicy).authorize('fulfil')
    const filters = await request.validateUsing(listOrdersValidator, { data: request.qs() })
    const { page, orders } = await listSellerOrders.handle(auth.getUserOrFail(), filters)
    return { ...paginated(page, () => null), data: orders }
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
    return { data: await sellerView(order.id, seller.id) }
  }
}
