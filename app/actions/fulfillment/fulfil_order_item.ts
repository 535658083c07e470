import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import Order from '#models/order'
import OrderItem from '#models/order_item'
import { ConflictError, NotFoundError } from '#exceptions/domain_errors'
import { DISPATCHED_ITEM_STATUSES, FULFILLABLE_ORDER_STATUSES, isIn } from '#enums/order_status'
import { transitionOrder } from '#services/orders/order_state_machine'
import outbox from '#services/queue/outbox'

export type FulfilmentStep = 'shipped' | 'delivered'

const REQUIRED_ITEM_STATE = { shipped: 'pending', delivered: 'shipped' } as const

/**
 * A seller ships or delivers one of its own items in a paid order. When
 * every live item of the order has reached that step, the order follows
 * (paid → shipped, shipped → delivered).
 */
export default class FulfilOrderItem {
  async handle(seller: User, orderId: number, itemId: number, step: FulfilmentStep) {
    const result = await db.transaction(async (trx) => {
      const order = await Order.query({ client: trx }).where('id', orderId).forUpdate().first()
      const item = order
        ? await OrderItem.query({ client: trx })
            .where('id', itemId)
            .where('order_id', orderId)
            .where('seller_id', seller.id)
            .first()
        : null
      // Another seller's item is indistinguishable from a missing one.
      if (!order || !item) throw new NotFoundError('Order item not found')

      if (!isIn(FULFILLABLE_ORDER_STATUSES, order.status)) {
        throw new ConflictError(
          `Order ${order.number} is ${order.status.replace('_', ' ')}; only paid orders are fulfilled`,
          'E_INVALID_ORDER_STATE'
        )
      }
      if (item.fulfillmentStatus !== REQUIRED_ITEM_STATE[step]) {
        throw new ConflictError(
          `This item is ${item.fulfillmentStatus} and cannot be marked ${step}`,
          'E_INVALID_ITEM_STATE'
        )
      }

      item.useTransaction(trx)
      item.fulfillmentStatus = step
      if (step === 'shipped') item.shippedAt = DateTime.now()
      else item.deliveredAt = DateTime.now()
      await item.save()
      // The customer's shipped / delivered mail goes out once this commits.
      await outbox.record(trx, step === 'shipped' ? 'order_item.shipped' : 'order_item.delivered', {
        orderId: order.id,
        itemIds: [item.id],
      })

      const live = (await OrderItem.query({ client: trx }).where('order_id', order.id)).filter(
        (line) => line.isLive
      )
      const allShipped = live.every((line) =>
        isIn(DISPATCHED_ITEM_STATUSES, line.fulfillmentStatus)
      )
      const allDelivered = live.every((line) => line.fulfillmentStatus === 'delivered')
      if (order.status === 'paid' && allShipped) {
        await transitionOrder(trx, order, 'shipped', {
          actorId: seller.id,
          reason: 'all items shipped',
        })
      }
      if (order.status === 'shipped' && allDelivered) {
        await transitionOrder(trx, order, 'delivered', {
          actorId: seller.id,
          reason: 'all items delivered',
        })
      }
      return { order, item }
    })
    await outbox.flush()
    return result
  }
}
