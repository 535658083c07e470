import db from '@adonisjs/lucid/services/db'
import { appUrl } from '#config/app'
import { wasPaid } from '#services/orders/order_details'

/** Paid orders whose invoices are missing or not rendered yet. */
export async function ordersMissingInvoices() {
  const rows = await db
    .from('orders')
    .where((query) =>
      query.whereIn('status', ['paid', 'shipped', 'delivered']).orWhereNotNull('paid_at')
    )
    .where((query) =>
      query.whereExists((sub) =>
        sub
          .from('order_items')
          .whereColumn('order_items.order_id', 'orders.id')
          .whereNotExists((inv) =>
            inv
              .from('invoices')
              .whereColumn('invoices.order_id', 'orders.id')
              .whereColumn('invoices.seller_id', 'order_items.seller_id')
              .whereNotNull('invoices.generated_at')
          )
      )
    )
    .orderBy('id')
    .select('id')
  return rows.map((row) => row.id as number)
}

export type InvoiceState = 'unpaid' | 'pending' | 'ready'

/** Whether the order's invoice document can be downloaded yet. */
export async function invoiceState(orderId: number): Promise<InvoiceState> {
  const order = await db.from('orders').where('id', orderId).select('status', 'paid_at').first()
  if (!order || !wasPaid({ status: order.status, paidAt: order.paid_at })) return 'unpaid'
  const [counts] = await db
    .from('order_items')
    .where('order_id', orderId)
    .select(
      db.raw('count(DISTINCT seller_id)::int AS sellers'),
      db.raw(
        `(SELECT count(*)::int FROM invoices WHERE order_id = ? AND generated_at IS NOT NULL) AS ready`,
        [orderId]
      )
    )
  return counts.sellers > 0 && counts.ready >= counts.sellers ? 'ready' : 'pending'
}

/**
 * For the order JSON: `{ status: 'pending' | 'ready', url }`, or null while
 * the order is unpaid (no invoice will exist until it is).
 */
export async function invoiceSummary(orderId: number) {
  const state = await invoiceState(orderId)
  if (state === 'unpaid') return null
  return {
    status: state,
    url: state === 'ready' ? `${appUrl}/api/orders/${orderId}/invoice` : null,
  }
}
