import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import { PaymentGateway } from '#services/payments/payment_gateway'
import { transitionOrder } from '#services/orders/order_state_machine'
import { transitionPayment } from '#services/payments/payment_state_machine'
import Payment, { type PaymentSource } from '#models/payment'
import outbox from '#services/queue/outbox'

export type CaptureOutcome =
  | 'paid'
  | 'already_paid'
  | 'unknown_order'
  | 'amount_mismatch'
  | 'late_payment'
  | 'duplicate_payment'

type Capture = {
  razorpayOrderId: string
  razorpayPaymentId: string
  /** Present on webhooks; the verify route's signature already binds the gateway order's amount. */
  amountPaise?: number
  currency?: string
  status: 'authorized' | 'captured'
  source: PaymentSource
  raw?: unknown
}

/**
 * The one place where payment news changes an order. Every caller (verify
 * route, checkout callback, webhook) has already authenticated the message
 * by its HMAC; this decides what it means, under the order's row lock, so
 * whichever of verify and webhook arrives first marks the order paid and
 * the other is a no-op. An authorisation is captured, and money that
 * arrives for an order that can no longer take it (expired, cancelled, or
 * paid twice) is refunded, by jobs once this commits.
 */
@inject()
export default class ApplyPaymentEvent {
  constructor(private gateway: PaymentGateway) {}

  async captured(capture: Capture): Promise<{ outcome: CaptureOutcome; order: Order | null }> {
    const result = await db.transaction(async (trx) => {
      const order = await Order.query({ client: trx })
        .where('razorpay_order_id', capture.razorpayOrderId)
        .forUpdate()
        .first()
      if (!order) return { outcome: 'unknown_order' as const, order: null }

      const base = {
        orderId: order.id,
        provider: this.gateway.name,
        source: capture.source,
        razorpayOrderId: capture.razorpayOrderId,
        razorpayPaymentId: capture.razorpayPaymentId,
        amountPaise: capture.amountPaise ?? order.totalPaise,
        currency: capture.currency ?? order.currency,
        raw: capture.raw,
      }

      const amountMatches =
        (capture.amountPaise === undefined || capture.amountPaise === order.totalPaise) &&
        (capture.currency === undefined || capture.currency === order.currency)
      if (!amountMatches) {
        logger.error(
          {
            orderId: order.id,
            expected: order.totalPaise,
            got: capture.amountPaise,
            currency: capture.currency,
          },
          'payment amount or currency does not match the order; not marking it paid'
        )
        await Payment.create({ ...base, event: 'amount_mismatch' }, { client: trx })
        return { outcome: 'amount_mismatch' as const, order }
      }

      if (order.status === 'pending_payment') {
        await transitionOrder(trx, order, 'paid', {
          reason: `payment ${capture.razorpayPaymentId} (${capture.source})`,
        })
        order.razorpayPaymentId = capture.razorpayPaymentId
        await transitionPayment(trx, order, capture.status)
        await Payment.create({ ...base, event: capture.status }, { client: trx })
        // Invoices and mails start from here, and only once this commits.
        await outbox.record(trx, 'order.paid', { orderId: order.id })
        // Razorpay refunds an authorisation nobody captures; the capture is a gateway call, so a job.
        if (capture.status === 'authorized') {
          await outbox.record(trx, 'payment.authorized', {
            orderId: order.id,
            razorpayPaymentId: capture.razorpayPaymentId,
          })
        }
        return { outcome: 'paid' as const, order }
      }

      if (order.razorpayPaymentId === capture.razorpayPaymentId) {
        // The second messenger for a payment already applied; a capture may upgrade an authorisation.
        if (capture.status === 'captured' && order.paymentStatus === 'authorized') {
          await transitionPayment(trx, order, 'captured')
          await Payment.create({ ...base, event: 'captured' }, { client: trx })
        }
        return { outcome: 'already_paid' as const, order }
      }

      const outcome = order.paidAt ? ('duplicate_payment' as const) : ('late_payment' as const)
      await Payment.create({ ...base, event: outcome }, { client: trx })
      // Refunded from the queue: a webhook request only records what it learnt.
      await outbox.record(trx, 'payment.refund_owed', {
        orderId: order.id,
        razorpayPaymentId: capture.razorpayPaymentId,
        reason: outcome,
      })
      return { outcome, order }
    })

    if (['paid', 'late_payment', 'duplicate_payment'].includes(result.outcome)) await outbox.flush()
    return result
  }

  /** A failed attempt: the order stays payable, the customer can retry. */
  async failed(failure: {
    razorpayOrderId: string
    razorpayPaymentId: string
    source: PaymentSource
    raw?: unknown
  }) {
    const result = await db.transaction(async (trx) => {
      const order = await Order.query({ client: trx })
        .where('razorpay_order_id', failure.razorpayOrderId)
        .forUpdate()
        .first()
      if (!order) return { outcome: 'unknown_order' as const, order: null }
      await Payment.create(
        {
          orderId: order.id,
          provider: this.gateway.name,
          event: 'failed',
          source: failure.source,
          razorpayOrderId: failure.razorpayOrderId,
          razorpayPaymentId: failure.razorpayPaymentId,
          raw: failure.raw,
        },
        { client: trx }
      )
      if (order.status !== 'pending_payment') return { outcome: 'ignored' as const, order }
      await transitionPayment(trx, order, 'failed')
      await outbox.record(trx, 'payment.failed', { orderId: order.id })
      return { outcome: 'failed' as const, order }
    })
    if (result.outcome === 'failed') await outbox.flush()
    return result
  }
}
