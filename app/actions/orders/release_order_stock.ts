import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Order from '#models/order'
import { applyStockChanges } from '#services/inventory/stock'

/**
 * Returns the stock of an order's live (not yet cancelled) items and marks
 * them cancelled, in the caller's transaction with the order row locked, so
 * whichever of cancel, expiry or refund gets there first releases it once.
 */
export async function releaseOrderStock(trx: TransactionClientContract, order: Order) {
  const items = await trx
    .from('order_items')
    .where('order_id', order.id)
    .whereIn('fulfillment_status', ['pending'])
    .select('id', 'product_id', 'quantity')
  if (items.length === 0) return
  await applyStockChanges(
    trx,
    items.map((item) => ({
      productId: item.product_id,
      delta: item.quantity,
      reason: 'order_released' as const,
      referenceType: 'order',
      referenceId: order.id,
    }))
  )
  await trx
    .from('order_items')
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
