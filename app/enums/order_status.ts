export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'expired',
  'refunded',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/*
 * Named groups of order statuses, one meaning each. Several have the same
 * members today; they are kept apart because they will not stay equal
 * (a cash-on-delivery order can be shipped without money received, and a
 * returned one is reviewable but no longer counts towards GMV).
 */

/**
 * The customer's money was received and is still held. An order that left
 * these statuses (cancelled, refunded) had been paid when `paid_at` is set:
 * see `wasPaid` in services/orders/order_details.ts.
 */
export const MONEY_RECEIVED_STATUSES = ['paid', 'shipped', 'delivered'] as const

/** Counts towards GMV and a seller's revenue (cancellations and refunds excluded). */
export const GMV_ORDER_STATUSES = ['paid', 'shipped', 'delivered'] as const

/** The customer bought and kept the goods, so may review the products in the order. */
export const REVIEWABLE_ORDER_STATUSES = ['paid', 'shipped', 'delivered'] as const

/** Sellers may ship or deliver the items of an order in these statuses. */
export const FULFILLABLE_ORDER_STATUSES = ['paid', 'shipped'] as const

export const PAYMENT_STATUSES = ['created', 'authorized', 'captured', 'failed', 'refunded'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const FULFILLMENT_STATUSES = ['pending', 'shipped', 'delivered', 'cancelled'] as const
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number]

/** An item that has left the seller: its order can no longer be cancelled. */
export const DISPATCHED_ITEM_STATUSES = ['shipped', 'delivered'] as const

/** Whether `status` is one of `group` (typed `includes` for the readonly tuples above). */
export function isIn<S extends string>(group: readonly S[], status: string): status is S {
  return (group as readonly string[]).includes(status)
}
