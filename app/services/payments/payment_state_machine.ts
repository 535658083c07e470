import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Order from '#models/order'
import type { PaymentStatus } from '#enums/order_status'
import { ConflictError } from '#exceptions/domain_errors'

/**
 * The one place that decides how an order's payment status
 * (`orders.payment_status`, kept apart from the order status) may move.
 * A new order starts `created`.
 *
 *   created    → authorized | captured | failed
 *   failed     → authorized | captured | failed   (the customer tried again)
 *   authorized → captured | refunded | failed     (refunded: cancelled before the capture arrived,
 *                                                  or the gateway let the authorisation lapse;
 *                                                  failed: the gateway reports it failed)
 *   captured   → refunded
 *   refunded   → (nothing)
 */
const TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  created: ['authorized', 'captured', 'failed'],
  failed: ['authorized', 'captured', 'failed'],
  authorized: ['captured', 'refunded', 'failed'],
  captured: ['refunded'],
  refunded: [],
}

export function canTransitionPayment(from: PaymentStatus, to: PaymentStatus) {
  return TRANSITIONS[from].includes(to)
}

/**
 * Moves the payment status of an order the caller holds FOR UPDATE in
 * `trx`. The payments log row that explains the move is the caller's to
 * write (it also logs events that move nothing, such as a late payment).
 */
export async function transitionPayment(
  trx: TransactionClientContract,
  order: Order,
  to: PaymentStatus
) {
  if (!canTransitionPayment(order.paymentStatus, to)) {
    throw new ConflictError(
      `The payment of order ${order.number} is ${order.paymentStatus} and cannot become ${to}`,
      'E_INVALID_PAYMENT_STATE'
    )
  }
  order.useTransaction(trx)
  order.paymentStatus = to
  await order.save()
}
