import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import Order from '#models/order'
import OrderItem from '#models/order_item'
import { ConflictError, NotFoundError } from '#exceptions/domain_errors'
import { DISPATCHED_ITEM_STATUSES } from '#enums/order_status'
import { transitionOrder } from '#services/orders/order_state_machine'
import { wasPaid } from '#services/orders/order_details'
import { releaseOrderStock } from '#actions/orders/release_order_stock'
import RefundPayment from '#actions/payments/refund_payment'

/** Why the order moved, and why its money goes back (the refund retry says the same). */
export const CANCELLED_BY_CUSTOMER = 'cancelled by customer'

/**
 * A customer cancels an order before anything has shipped: its stock
 * returns at once. A paid order is refunded in full through the gateway
 * once this commits; it becomes `refunded` when the gateway confirms (a
 * gateway outage is retried by `node ace payments:retry-refunds`).
 */
@inject()
export default class CancelOrder {
  constructor(private refundPayment: RefundPayment) {}

  async handle(customer: User, orderId: number) {
    const order = await db.transaction(async (trx) => {
      const locked = await Order.query({ client: trx })
        .where('id', orderId)
        .where('customer_id', customer.id)
        .forUpdate()
        .first()
      if (!locked) throw new NotFoundError('Order not found')

      const shipped = await OrderItem.query({ client: trx })
        .where('order_id', locked.id)
        .whereIn('fulfillment_status', [...DISPATCHED_ITEM_STATUSES])
        .first()
      if (shipped) {
        throw new ConflictError(
          `Order ${locked.number} has already shipped and can no longer be cancelled`,
          'E_INVALID_ORDER_STATE'
        )
      }

      await transitionOrder(trx, locked, 'cancelled', {
        actorId: customer.id,
        reason: CANCELLED_BY_CUSTOMER,
      })
      await releaseOrderStock(trx, locked)
      return locked
    })

    if (wasPaid(order) && order.razorpayPaymentId) {
      await this.refundPayment.tryHandle(order, order.razorpayPaymentId, CANCELLED_BY_CUSTOMER)
    }
    return order
  }
}
