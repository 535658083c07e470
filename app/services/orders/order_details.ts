import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
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
export function wherePaid(query: { whereIn: Function; orWhereNotNull: Function }) {
  query.whereIn('orders.status', [...MONEY_RECEIVED_STATUSES]).orWhereNotNull('orders.paid_at')
}

/**
 * An order with its customer, items and sellers, read with plain queries
 * for mails and invoices (the jobs need no HTTP context or model hooks).
 */
export async function loadOrderDetails(
  orderId: number,
  client: QueryClientContract = db.connection()
): Promise<OrderDetails | null> {
  const order = await client.from('orders').where('id', orderId).first()
  if (!order) return null
  const customer = await client
    .from('users')
    .where('id', order.customer_id)
    .select('id', 'email', 'full_name')
    .firstOrFail()
  const items = await client.from('order_items').where('order_id', orderId).orderBy('id')
  const sellerIds = [...new Set(items.map((item) => item.seller_id as number))].sort(
    (a, b) => a - b
  )
  const sellers = sellerIds.length
    ? await client
        .from('users')
        .leftJoin('seller_profiles', 'seller_profiles.user_id', 'users.id')
        .whereIn('users.id', sellerIds)
        .orderBy('users.id')
        .select(
          'users.id',
          'users.email',
          'users.full_name',
          'seller_profiles.business_name',
          'seller_profiles.gstin',
          'seller_profiles.address_line1',
          'seller_profiles.address_line2',
          'seller_profiles.city',
          'seller_profiles.state',
          'seller_profiles.pincode'
        )
    : []
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    paymentStatus: order.payment_status,
    subtotalPaise: order.subtotal_paise,
    shippingPaise: order.shipping_paise,
    totalPaise: order.total_paise,
    shippingAddress: order.shipping_address ?? {},
    placedAt: order.placed_at,
    paidAt: order.paid_at,
    customer: { id: customer.id, email: customer.email, fullName: customer.full_name },
    items: items.map((item) => ({
      id: item.id,
      sellerId: item.seller_id,
      title: item.title,
      quantity: item.quantity,
      unitPricePaise: item.unit_price_paise,
      gstRate: item.gst_rate,
      lineTotalPaise: item.line_total_paise,
      fulfillmentStatus: item.fulfillment_status,
    })),
    sellers: sellers.map((seller) => ({
      id: seller.id,
      email: seller.email,
      fullName: seller.full_name,
      businessName: seller.business_name ?? seller.full_name,
      gstin: seller.gstin,
      addressLine1: seller.address_line1,
      addressLine2: seller.address_line2,
      city: seller.city,
      state: seller.state,
      pincode: seller.pincode,
    })),
  }
}
