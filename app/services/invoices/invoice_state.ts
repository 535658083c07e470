import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { appUrl } from '#config/app'
import Order from '#models/order'
import { wasPaid, wherePaid } from '#services/orders/order_details'

/**
 * An order cancelled before any of its invoices was numbered is never
 * invoiced (`whereStillInvoiceable` is the same rule in SQL).
 */
export function cancelledBeforeInvoicing(
  order: { cancelledAt: unknown },
  invoices: readonly unknown[]
) {
  return order.cancelledAt !== null && invoices.length === 0
}

function whereStillInvoiceable(query: ModelQueryBuilderContract<typeof Order>) {
  query
    .whereNull('orders.cancelled_at')
    .orWhereExists((inv) => inv.from('invoices').whereColumn('invoices.order_id', 'orders.id'))
}

/** Paid orders whose invoices are missing or not rendered yet. */
export async function ordersMissingInvoices() {
  const orders = await Order.query()
    .where(wherePaid)
    .where(whereStillInvoiceable)
    .whereExists((sub) =>
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
    .orderBy('id')
    .select('id')
  return orders.map((order) => order.id)
}

/** `none`: the order was cancelled before it was invoiced, so no invoice will be issued. */
export type InvoiceState = 'unpaid' | 'none' | 'pending' | 'ready'

/** An order with what the invoice rules read: all its items and its invoices. */
export type InvoicedOrder = Pick<
  Order,
  'id' | 'number' | 'status' | 'paidAt' | 'cancelledAt' | 'items' | 'invoices'
>

/** An order with its items and invoices preloaded, for `invoiceStateOf` and `invoiceFile`. */
export function findInvoicedOrder(orderId: number) {
  return Order.query().where('id', orderId).preload('items').preload('invoices').first()
}

/** Whether the order's invoice document can be downloaded yet: every seller's invoice is rendered. */
export function invoiceStateOf(order: InvoicedOrder): InvoiceState {
  if (!wasPaid(order)) return 'unpaid'
  if (cancelledBeforeInvoicing(order, order.invoices)) return 'none'
  const sellers = new Set(order.items.map((item) => item.sellerId)).size
  const ready = order.invoices.filter((invoice) => invoice.isReady).length
  return sellers > 0 && ready >= sellers ? 'ready' : 'pending'
}

export async function invoiceState(orderId: number): Promise<InvoiceState> {
  const order = await findInvoicedOrder(orderId)
  return order ? invoiceStateOf(order) : 'unpaid'
}

/**
 * For the order JSON: `{ status: 'pending' | 'ready' | 'none', url }`, or
 * null while the order is unpaid (no invoice will exist until it is).
 */
export function invoiceSummary(order: InvoicedOrder) {
  const state = invoiceStateOf(order)
  if (state === 'unpaid') return null
  if (state === 'none') return { status: state, url: null }
  return {
    status: state,
    url: state === 'ready' ? `${appUrl}/api/orders/${order.id}/invoice` : null,
  }
}
