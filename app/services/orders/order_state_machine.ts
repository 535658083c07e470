import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Order from '#models/order'
import type { OrderStatus } from '#enums/order_status'
import { ConflictError } from '#exceptions/domain_errors'

/**
 * The one place that decides which order transitions are legal.
 *
 *   pending_payment → paid | cancelled | expired
 *   paid            → shipped | cancelled
 *   shipped         → delivered
 *   cancelled       → refunded   (only when it had been paid)
 */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled', 'expired'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: ['refunded'],
  expired: [],
  refunded: [],
}

const TIMESTAMPS = {
  paid: 'paidAt',
  shipped: 'shippedAt',
  delivered: 'deliveredAt',
  cancelled: 'cancelledAt',
  expired: 'expiredAt',
  refunded: 'refundedAt',
} as const satisfies Partial<Record<OrderStatus, keyof Order>>

export function canTransition(order: Pick<Order, 'status' | 'paidAt'>, to: OrderStatus) {
  if (!TRANSITIONS[order.status].includes(to)) return false
  if (order.status === 'cancelled' && to === 'refunded') return order.paidAt !== null
  return true
}

/**
 * Moves a locked order to `to`, stamps the matching `*_at` column and
 * records who did it. The caller holds the order row FOR UPDATE in `trx`.
 */
export async function transitionOrder(
  trx: TransactionClientContract,
  order: Order,
  to: OrderStatus,
  context: { actorId?: number | null; reason?: string } = {}
) {
  if (!canTransition(order, to)) {
    throw new ConflictError(
      `Order ${order.number} is ${order.status.replace('_', ' ')} and cannot become ${to.replace('_', ' ')}`,
      'E_INVALID_ORDER_STATE'
    )
  }
  const from = order.status
  order.useTransaction(trx)
  order.status = to
  const stamp = TIMESTAMPS[to as keyof typeof TIMESTAMPS]
  if (stamp) order[stamp] = DateTime.now()
  await order.save()
  await trx.table('order_transitions').insert({
    order_id: order.id,
    from_status: from,
    to_status: to,
    actor_id: context.actorId ?? null,
    reason: context.reason ?? null,
  })
}
