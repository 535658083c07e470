import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { invoiceSummary } from '#services/invoices/invoice_state'
import type Order from '#models/order'
import type OrderItem from '#models/order_item'

type OrderQuery = ModelQueryBuilderContract<typeof Order, Order>

/**
 * Preloads what `serializeOrder` reads (every item with its seller's
 * profile, and the invoices), one query per relation for a whole page.
 */
export function withCustomerView(query: OrderQuery) {
  return query
    .preload('items', (items) => items.orderBy('id').preload('sellerProfile'))
    .preload('invoices')
}

/** Preloads what `serializeSellerOrder` reads: only that seller's items, and the customer. */
export function withSellerView(query: OrderQuery, sellerId: number) {
  return query
    .preload('items', (items) =>
      items.where('seller_id', sellerId).orderBy('id').preload('sellerProfile')
    )
    .preload('customer')
}

function serializeItem(item: OrderItem) {
  return {
    id: item.id,
    product_id: item.productId,
    title: item.title,
    quantity: item.quantity,
    unit_price_paise: item.unitPricePaise,
    gst_rate: item.gstRate,
    line_total_paise: item.lineTotalPaise,
    seller: { id: item.sellerId, business_name: item.sellerProfile?.businessName ?? null },
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

/** The customer's view of an order (api.md `order`), from what `withCustomerView` preloads. */
export function serializeOrder(order: Order) {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    items: order.items.map(serializeItem),
    subtotal_paise: order.subtotalPaise,
    shipping_paise: order.shippingPaise,
    total_paise: order.totalPaise,
    currency: order.currency,
    shipping_address: order.shippingAddress,
    buyer_gstin: order.buyerGstin,
    payment: {
      status: order.paymentStatus,
      razorpay_order_id: order.razorpayOrderId,
      razorpay_payment_id: order.razorpayPaymentId,
    },
    invoice: invoiceSummary(order) ?? { status: 'pending' as const, url: null },
    ...timestamps(order),
  }
}

/**
 * A seller's view, from what `withSellerView` preloads: only that seller's
 * items, with the customer's name and address (what it needs to ship), and
 * its share of the order.
 */
export function serializeSellerOrder(order: Order) {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    customer: { name: order.customer.fullName },
    shipping_address: order.shippingAddress,
    items: order.items.map(serializeItem),
    seller_total_paise: order.items.reduce((sum, item) => sum + item.lineTotalPaise, 0),
    currency: order.currency,
    ...timestamps(order),
  }
}
