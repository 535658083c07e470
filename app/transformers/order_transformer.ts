import db from '@adonisjs/lucid/services/db'
import { invoiceSummary } from '#services/invoices/invoice_state'
import type Order from '#models/order'
import type OrderItem from '#models/order_item'

type SellerNames = Map<number, string>

/** Business names of the sellers of these items, in one query. */
async function sellerNames(items: OrderItem[]): Promise<SellerNames> {
  const ids = [...new Set(items.map((item) => item.sellerId))]
  if (ids.length === 0) return new Map()
  const rows = await db
    .from('seller_profiles')
    .whereIn('user_id', ids)
    .select('user_id', 'business_name')
  return new Map(rows.map((row) => [row.user_id, row.business_name]))
}

function serializeItem(item: OrderItem, names: SellerNames) {
  return {
    id: item.id,
    product_id: item.productId,
    title: item.title,
    quantity: item.quantity,
    unit_price_paise: item.unitPricePaise,
    gst_rate: item.gstRate,
    line_total_paise: item.lineTotalPaise,
    seller: { id: item.sellerId, business_name: names.get(item.sellerId) ?? null },
    fulfillment_status: item.fulfillmentStatus,
    shipped_at: item.shippedAt?.toISO() ?? null,
    delivered_at: item.deliveredAt?.toISO() ?? null,
  }
}

function timestamps(order: Order) {
  return {
    placed_at: order.placedAt.toISO(),
    expires_at: order.status === 'pending_payment' ? order.expiresAt.toISO() : null,
    paid_at: order.paidAt?.toISO() ?? null,
    shipped_at: order.shippedAt?.toISO() ?? null,
    delivered_at: order.deliveredAt?.toISO() ?? null,
    cancelled_at: order.cancelledAt?.toISO() ?? null,
    expired_at: order.expiredAt?.toISO() ?? null,
    refunded_at: order.refundedAt?.toISO() ?? null,
  }
}

/** The customer's view of an order (api.md `order`). Expects `items` preloaded. */
export async function serializeOrder(order: Order) {
  // Unpaid orders have no invoice yet; asking would cost two queries per order.
  const invoice = order.paidAt ? await invoiceSummary(order.id) : null
  const names = await sellerNames(order.items)
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    items: order.items.map((item) => serializeItem(item, names)),
    subtotal_paise: order.subtotalPaise,
    shipping_paise: order.shippingPaise,
    total_paise: order.totalPaise,
    currency: order.currency,
    shipping_address: order.shippingAddress,
    payment: {
      status: order.paymentStatus,
      razorpay_order_id: order.razorpayOrderId,
      razorpay_payment_id: order.razorpayPaymentId,
    },
    invoice: invoice ?? { status: 'pending' as const, url: null },
    ...timestamps(order),
  }
}

/**
 * A seller's view: only that seller's items, with the customer's name and
 * address (what it needs to ship), and its share of the order.
 */
export async function serializeSellerOrder(order: Order, sellerId: number, customerName: string) {
  const own = order.items.filter((item) => item.sellerId === sellerId)
  const names = await sellerNames(own)
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    customer: { name: customerName },
    shipping_address: order.shippingAddress,
    items: own.map((item) => serializeItem(item, names)),
    seller_total_paise: own.reduce((sum, item) => sum + item.lineTotalPaise, 0),
    currency: order.currency,
    ...timestamps(order),
  }
}
