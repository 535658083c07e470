import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ModelAttributes } from '@adonisjs/lucid/types/model'
import Order from '#models/order'
import OrderTransition from '#models/order_transition'
import type { OrderStatus } from '#enums/order_status'
import { ConflictError } from '#exceptions/domain_errors'

/**
 * The one place that decides which order transitions are legal.
 *
 *   (new)           → pending_payment
 *   pending_payment → paid | cancelled | expired
 *   paid            → shipped | cancelled
 *   shipped         → delivered
 *   cancelled       → refunded   (only when it had been paid)
 */
const INITIAL: readonly OrderStatus[] = ['pending_payment']

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled', 'expired'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: ['refunded'],
  expired: [],
  refunded: [],
}

// placed_at is set by PlaceOrder, which derives the order number's year and expires_at from it.
const TIMESTAMPS = {
  paid: 'paidAt',
  shipped: 'shippedAt',
  delivered: 'deliveredAt',
  cancelled: 'cancelledAt',
  expired: 'expiredAt',
  refunded: 'refundedAt',
} as const satisfies Partial<Record<OrderStatus, keyof Order>>

/** The status an order is moving from; null while it has not been saved yet (being placed). */
function currentStatus(order: Order): OrderStatus | null {
  return order.$isPersisted ? order.status : null
}

export function canTransition(order: Order, to: OrderStatus) {
  const from = currentStatus(order)
  if (from === null) return INITIAL.includes(to)
  if (!TRANSITIONS[from].includes(to)) return false
  if (from === 'cancelled' && to === 'refunded') return order.paidAt !== null
  return true
}

/**
 * Moves a locked order to `to`, stamps the matching `*_at` column and
 * records who did it. The caller holds the order row FOR UPDATE in `trx`;
 * a new (unsaved) order is inserted here, as its first transition.
 */
export async function transitionOrder(
  trx: TransactionClientContract,
  order: Order,
  to: OrderStatus,
  context: { actorId?: number | null; reason?: string } = {}
) {
  const from = currentStatus(order)
  if (!canTransition(order, to)) {
    throw new ConflictError(
      `Order ${order.number} is ${(from ?? 'new').replace('_', ' ')} and cannot become ${to.replace('_', ' ')}`,
      'E_INVALID_ORDER_STATE'
    )
  }
  order.useTransaction(trx)
  order.status = to
  const stamp = TIMESTAMPS[to as keyof typeof TIMESTAMPS]
  if (stamp) order[stamp] = DateTime.now()
  await order.save()
  await OrderTransition.create(
    {
      orderId: order.id,
      fromStatus: from,
      toStatus: to,
      actorId: context.actorId ?? null,
      reason: context.reason ?? null,
    },
    { client: trx }
  )
}

/**
 * Inserts a new order through its first transition (→ pending_payment),
 * so the history of every order starts with a row like any other move.
 */
export async function openOrder(
  attributes: Partial<ModelAttributes<Order>>,
  context: { trx: TransactionClientContract; actorId?: number | null; reason?: string }
) {
  const order = new Order().merge(attributes)
  await transitionOrder(context.trx, order, 'pending_payment', context)
  return order
}
