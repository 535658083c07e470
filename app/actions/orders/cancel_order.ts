import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import Order from '#models/order'
import { ConflictError, NotFoundError } from '#exceptions/domain_errors'
import { transitionOrder } from '#services/orders/order_state_machine'
import { releaseOrderStock } from '#actions/orders/release_order_stock'

/**
 * A customer cancels an order before anything has shipped: its stock
 * returns at once. Returns whether the order had been paid, in which case
 * the caller asks the gateway for a refund after this commits.
 */
export default class CancelOrder {
  async handle(customer: User, orderId: number) {
    return db.transaction(async (trx) => {
      const order = await Order.query({ client: trx })
        .where('id', orderId)
        .where('customer_id', customer.id)
        .forUpdate()
        .first()
      if (!order) throw new NotFoundError('Order not found')

      const shipped = await trx
        .from('order_items')
        .where('order_id', order.id)
        .whereIn('fulfillment_status', ['shipped', 'delivered'])
        .first()
      if (shipped) {
        throw new ConflictError(
          `Order ${order.number} has already shipped and can no longer be cancelled`,
          'E_INVALID_ORDER_STATE'
        )
      }

      const wasPaid = order.status === 'paid'
      await transitionOrder(trx, order, 'cancelled', {
        actorId: customer.id,
        reason: 'cancelled by customer',
      })
      await releaseOrderStock(trx, order)
      return { order, wasPaid }
    })
  }
}
