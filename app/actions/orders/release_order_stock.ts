import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Order from '#models/order'
import OrderItem from '#models/order_item'
import { applyStockChanges } from '#services/inventory/stock'

/**
 * Returns the stock of an order's live (not yet cancelled) items and marks
 * them cancelled, in the caller's transaction with the order row locked, so
 * whichever of cancel, expiry or refund gets there first releases it once.
 */
export async function releaseOrderStock(trx: TransactionClientContract, order: Order) {
  // Only pending items still hold reserved stock; dispatched ones have left with it.
  const items = await OrderItem.query({ client: trx })
    .where('order_id', order.id)
    .where('fulfillment_status', 'pending')
  if (items.length === 0) return
  await applyStockChanges(
    trx,
    items.map((item) => ({
      productId: item.productId,
      delta: item.quantity,
      reason: 'order_released' as const,
      referenceType: 'order',
      referenceId: order.id,
    }))
  )
  await OrderItem.query({ client: trx })
    .whereIn(
      'id',
      items.map((item) => item.id)
    )
    .update({
      fulfillment_status: 'cancelled',
      cancelled_at: DateTime.now().toJSDate(),
      updated_at: DateTime.now().toJSDate(),
    })
}
