import type { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Order from '#models/order'
import { MONEY_RECEIVED_STATUSES, isIn } from '#enums/order_status'

export interface ShippingAddress {
  name?: string
  phone?: string
  line1?: string
  line2?: string | null
  city?: string
  state?: string
  pincode?: string
}

export interface OrderItemDetails {
  id: number
  sellerId: number
  title: string
  quantity: number
  unitPricePaise: number
  gstRate: number
  hsnCode: string | null
  lineTotalPaise: number
  fulfillmentStatus: string
}

export interface SellerDetails {
  id: number
  email: string
  fullName: string
  businessName: string
  gstin: string | null
  addressLine1: string | null
  addressLine2: string | null
  city: string | null
  state: string | null
  pincode: string | null
}

export interface OrderDetails {
  id: number
  number: string
  status: string
  paymentStatus: string
  subtotalPaise: number
  shippingPaise: number
  totalPaise: number
  shippingAddress: ShippingAddress
  buyerGstin: string | null
  placedAt: Date
  paidAt: Date | null
  customer: { id: number; email: string; fullName: string }
  items: OrderItemDetails[]
  sellers: SellerDetails[]
}

/** Whether the customer's money was ever received for this order (also when since refunded). */
export function wasPaid(order: { status: string; paidAt: Date | DateTime | null }) {
  return isIn(MONEY_RECEIVED_STATUSES, order.status) || order.paidAt !== null
}

/** `wasPaid` as a query filter on `orders`; the two must stay the same rule. */
export function wherePaid(query: {
  whereIn(column: string, values: string[]): { orWhereNotNull(column: string): unknown }
}) {
  query.whereIn('orders.status', [...MONEY_RECEIVED_STATUSES]).orWhereNotNull('orders.paid_at')
}

/**
 * An order with its customer, items and sellers (in id order), as plain
 * values for mails and invoices, which render them outside any request.
 */
export async function loadOrderDetails(
  orderId: number,
  client?: QueryClientContract
): Promise<OrderDetails | null> {
  const order = await Order.query({ client })
    .where('id', orderId)
    .preload('customer')
    .preload('items', (items) =>
      items.orderBy('id').preload('seller', (seller) => seller.preload('sellerProfile'))
    )
    .first()
  if (!order) return null
  const sellers = new Map(order.items.map((item) => [item.sellerId, item.seller]))
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    paymentStatus: order.paymentStatus,
    subtotalPaise: order.subtotalPaise,
    shippingPaise: order.shippingPaise,
    totalPaise: order.totalPaise,
    shippingAddress: order.shippingAddress ?? {},
    buyerGstin: order.buyerGstin,
    placedAt: order.placedAt.toJSDate(),
    paidAt: order.paidAt?.toJSDate() ?? null,
    customer: {
      id: order.customer.id,
      email: order.customer.email,
      fullName: order.customer.fullName,
    },
    items: order.items.map((item) => ({
      id: item.id,
      sellerId: item.sellerId,
      title: item.title,
      quantity: item.quantity,
      unitPricePaise: item.unitPricePaise,
      gstRate: item.gstRate,
      hsnCode: item.hsnCode,
      lineTotalPaise: item.lineTotalPaise,
      fulfillmentStatus: item.fulfillmentStatus,
    })),
    sellers: [...sellers.values()]
      .sort((a, b) => a.id - b.id)
      .map((seller) => ({
        id: seller.id,
        email: seller.email,
        fullName: seller.fullName,
        businessName: seller.sellerProfile?.businessName ?? seller.fullName,
        gstin: seller.sellerProfile?.gstin ?? null,
        addressLine1: seller.sellerProfile?.addressLine1 ?? null,
        addressLine2: seller.sellerProfile?.addressLine2 ?? null,
        city: seller.sellerProfile?.city ?? null,
        state: seller.sellerProfile?.state ?? null,
        pincode: seller.sellerProfile?.pincode ?? null,
      })),
  }
}
