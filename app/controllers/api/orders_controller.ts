import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import PlaceOrder from '#actions/orders/place_order'
import CancelOrder from '#actions/orders/cancel_order'
import ListOrders from '#actions/orders/list_orders'
import RequestPayment from '#actions/payments/request_payment'
import { NotFoundError } from '#exceptions/domain_errors'
import { serializeOrder, withCustomerView } from '#transformers/order_transformer'
import { paginated } from '#transformers/pagination'
import {
  idempotencyKeyValidator,
  listOrdersValidator,
  placeOrderValidator,
} from '#validators/orders'

/** The customer's own order, ready to serialise, or a 404 (someone else's does not exist for them). */
async function findOwnOrder(customerId: number, id: number) {
  const order = await withCustomerView(Order.query())
    .where('id', id)
    .where('customer_id', customerId)
    .first()
  if (!order) throw new NotFoundError('Order not found')
  return order
}

export default class OrdersController {
  @inject()
  async store({ auth, bouncer, request, response }: HttpContext, placeOrder: PlaceOrder) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const { shipping_address: address, buyer_gstin: buyerGstin } =
      await request.validateUsing(placeOrderValidator)
    const rawKey = request.header('idempotency-key')
    const key =
      rawKey === undefined
        ? undefined
        : (await idempotencyKeyValidator.validate({ key: rawKey })).key

    const customer = auth.getUserOrFail()
    const { order, payment, replayed } = await placeOrder.handle(
      customer,
      { ...address, line2: address.line2 ?? null },
      key,
      { buyerGstin }
    )
    if (replayed) response.header('idempotent-replayed', 'true')
    return response.created({
      data: serializeOrder(await findOwnOrder(customer.id, order.id)),
      payment,
    })
  }

  @inject()
  async index({ auth, bouncer, request }: HttpContext, listOrders: ListOrders) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const filters = await request.validateUsing(listOrdersValidator, { data: request.qs() })
    const page = await listOrders.handle({ ...filters, customer_id: auth.getUserOrFail().id })
    return paginated(page, serializeOrder)
  }

  async show({ auth, bouncer, params }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('shop')
    return { data: serializeOrder(await findOwnOrder(auth.getUserOrFail().id, params.id)) }
  }

  @inject()
  async cancel({ auth, bouncer, params }: HttpContext, cancelOrder: CancelOrder) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const customer = auth.getUserOrFail()
    const order = await cancelOrder.handle(customer, params.id)
    return { data: serializeOrder(await findOwnOrder(customer.id, order.id)) }
  }

  @inject()
  async pay({ auth, bouncer, params }: HttpContext, requestPayment: RequestPayment) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const customer = auth.getUserOrFail()
    const payment = await requestPayment.handle(await findOwnOrder(customer.id, params.id))
    return { data: serializeOrder(await findOwnOrder(customer.id, params.id)), payment }
  }
}
