import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import PlaceOrder from '#actions/orders/place_order'
import CancelOrder from '#actions/orders/cancel_order'
import RequestPayment from '#actions/payments/request_payment'
import RefundPayment from '#actions/payments/refund_payment'
import { NotFoundError } from '#exceptions/domain_errors'
import { serializeOrder } from '#transformers/order_transformer'
import { paginated } from '#transformers/pagination'
import {
  idempotencyKeyValidator,
  listOrdersValidator,
  placeOrderValidator,
} from '#validators/orders'

/** The customer's own order, or a 404 (someone else's order does not exist for them). */
async function findOwnOrder(customerId: number, id: number) {
  const order = await Order.query()
    .where('id', id)
    .where('customer_id', customerId)
    .preload('items', (items) => items.orderBy('id'))
    .first()
  if (!order) throw new NotFoundError('Order not found')
  return order
}

@inject()
export default class OrdersController {
  constructor(private requestPayment: RequestPayment) {}

  @inject()
  async store({ auth, bouncer, request, response }: HttpContext, placeOrder: PlaceOrder) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const { shipping_address: address } = await request.validateUsing(placeOrderValidator)
    const rawKey = request.header('idempotency-key')
    const key =
      rawKey === undefined
        ? undefined
        : (await idempotencyKeyValidator.validate({ key: rawKey })).key

    const customer = auth.getUserOrFail()
    const { order, replayed } = await placeOrder.handle(
      customer,
      { ...address, line2: address.line2 ?? null },
      key
    )
    const payment = await this.requestPayment.tryHandle(order)
    const placed = await findOwnOrder(customer.id, order.id)
    if (replayed) response.header('idempotent-replayed', 'true')
    return response.created({ data: await serializeOrder(placed), payment })
  }

  async index({ auth, bouncer, request }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const filters = await request.validateUsing(listOrdersValidator, { data: request.qs() })
    const query = Order.query()
      .where('customer_id', auth.getUserOrFail().id)
      .preload('items', (items) => items.orderBy('id'))
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
    if (filters.status) query.where('status', filters.status)
    const page = await query.paginate(filters.page ?? 1, filters.per_page ?? 20)
    const data = await Promise.all(page.all().map((order) => serializeOrder(order)))
    return { ...paginated(page, () => null), data }
  }

  async show({ auth, bouncer, params }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const order = await findOwnOrder(auth.getUserOrFail().id, params.id)
    return { data: await serializeOrder(order) }
  }

  @inject()
  async cancel(
    { auth, bouncer, params }: HttpContext,
    cancelOrder: CancelOrder,
    refundPayment: RefundPayment
  ) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const customer = auth.getUserOrFail()
    const { order, wasPaid } = await cancelOrder.handle(customer, params.id)
    if (wasPaid && order.razorpayPaymentId) {
      await refundPayment.tryHandle(order, order.razorpayPaymentId, 'cancelled by customer')
    }
    return { data: await serializeOrder(await findOwnOrder(customer.id, params.id)) }
  }

  async pay({ auth, bouncer, params }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const customer = auth.getUserOrFail()
    const order = await findOwnOrder(customer.id, params.id)
    const payment = await this.requestPayment.handle(order)
    return { data: await serializeOrder(await findOwnOrder(customer.id, params.id)), payment }
  }
}
