import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Order from '#models/order'
import { GatewayUnavailableError, PaymentGateway } from '#services/payments/payment_gateway'
import { transitionOrder } from '#services/orders/order_state_machine'
import { transitionPayment } from '#services/payments/payment_state_machine'
import Payment, { type PaymentSource } from '#models/payment'
import { refundInFlightSql } from '#services/payments/refund_claims'

/**
 * Full refunds through the gateway, and what a confirmed refund means.
 * A cancelled order becomes `refunded` only once the gateway confirms
 * (its API answer says processed, or the refund.processed webhook).
 */
@inject()
export default class RefundPayment {
  constructor(private gateway: PaymentGateway) {}

  /**
   * Claims the refund under the order's row lock, then asks the gateway.
   * Returns false (and calls nothing) when a refund of this payment is
   * already claimed, requested or done.
   */
  async handle(order: Order, razorpayPaymentId: string, reason: string) {
    const base = {
      orderId: order.id,
      provider: this.gateway.name,
      source: 'system' as const,
      razorpayOrderId: order.razorpayOrderId,
      razorpayPaymentId,
      amountPaise: order.totalPaise,
      currency: order.currency,
    }
    const claimed = await db.transaction(async (trx) => {
      await Order.query({ client: trx }).where('id', order.id).forUpdate().firstOrFail()
      const {
        rows: [{ taken }],
      } = await trx.rawQuery(`SELECT ${refundInFlightSql('?')} AS taken`, [razorpayPaymentId])
      if (taken) return false
      await Payment.create({ ...base, event: 'refund_claimed', raw: { reason } }, { client: trx })
      return true
    })
    if (!claimed) return false

    let refund
    try {
      refund = await this.gateway.refund(razorpayPaymentId, order.totalPaise, {
        order_id: String(order.id),
        order_number: order.number,
        reason,
      })
    } catch (error) {
      // Reopens the claim: the retry sweep asks again.
      await Payment.create({
        ...base,
        event: 'refund_failed',
        raw: {
          reason,
          error: error instanceof GatewayUnavailableError ? error.detail : String(error),
        },
      })
      throw error
    }
    await Payment.create({
      ...base,
      event: 'refund_requested',
      razorpayRefundId: refund.id,
      raw: { reason, refund },
    })
    if (refund.status === 'processed') {
      await this.confirmed({
        razorpayPaymentId,
        razorpayRefundId: refund.id,
        amountPaise: refund.amountPaise,
        source: 'system',
      })
    }
    return true
  }

  /** Like `handle`, but a gateway outage is logged; `node ace payments:retry-refunds` tries again. */
  async tryHandle(order: Order, razorpayPaymentId: string, reason: string) {
    try {
      await this.handle(order, razorpayPaymentId, reason)
    } catch (error) {
      if (!(error instanceof GatewayUnavailableError)) throw error
      logger.error(
        { orderId: order.id, gatewayError: error.detail },
        'refund not requested; will be retried'
      )
    }
  }

  /**
   * The gateway gave up on a refund (`refund.failed`): the log row reopens
   * the claim, so the retry sweep requests it again. Applying it twice, or
   * after the refund was confirmed, changes nothing.
   */
  async failed(refund: {
    razorpayPaymentId: string
    razorpayRefundId: string
    source: PaymentSource
    raw?: unknown
  }) {
    return db.transaction(async (trx) => {
      const order = await this.lockOrderOf(trx, refund.razorpayPaymentId)
      if (!order) return 'unknown_payment' as const
      const settled = await Payment.query({ client: trx })
        .where('razorpay_refund_id', refund.razorpayRefundId)
        .whereIn('event', ['refunded', 'refund_failed'])
        .first()
      if (settled) return settled.event === 'refunded' ? 'already_refunded' : 'already_failed'
      await Payment.create(
        {
          orderId: order.id,
          provider: this.gateway.name,
          event: 'refund_failed',
          source: refund.source,
          razorpayOrderId: order.razorpayOrderId,
          razorpayPaymentId: refund.razorpayPaymentId,
          razorpayRefundId: refund.razorpayRefundId,
          amountPaise: order.totalPaise,
          currency: order.currency,
          raw: refund.raw,
        },
        { client: trx }
      )
      logger.warn(
        { orderId: order.id, refundId: refund.razorpayRefundId },
        'refund failed; will be retried'
      )
      return 'refund_failed' as const
    })
  }

  /** The gateway confirmed a refund (API answer or webhook); applying it twice changes nothing. */
  async confirmed(refund: {
    razorpayPaymentId: string
    razorpayRefundId: string
    amountPaise: number
    source: PaymentSource
    raw?: unknown
  }) {
    return db.transaction(async (trx) => {
      const order = await this.lockOrderOf(trx, refund.razorpayPaymentId)
      if (!order) return 'unknown_payment' as const

      const already = await Payment.query({ client: trx })
        .where({
          order_id: order.id,
          event: 'refunded',
          razorpay_refund_id: refund.razorpayRefundId,
        })
        .first()
      if (already) return 'already_refunded' as const

      await Payment.create(
        {
          orderId: order.id,
          provider: this.gateway.name,
          event: 'refunded',
          source: refund.source,
          razorpayOrderId: order.razorpayOrderId,
          razorpayPaymentId: refund.razorpayPaymentId,
          razorpayRefundId: refund.razorpayRefundId,
          amountPaise: refund.amountPaise,
          currency: order.currency,
          raw: refund.raw,
        },
        { client: trx }
      )
      // Refunds of a late or duplicate payment leave the order itself alone.
      if (order.razorpayPaymentId === refund.razorpayPaymentId && order.status === 'cancelled') {
        await transitionOrder(trx, order, 'refunded', {
          reason: `refund ${refund.razorpayRefundId}`,
        })
        await transitionPayment(trx, order, 'refunded')
      }
      return 'refunded' as const
    })
  }

  /** The order a logged payment belongs to, locked FOR UPDATE; null for a payment we never saw. */
  private async lockOrderOf(trx: TransactionClientContract, razorpayPaymentId: string) {
    const payment = await Payment.query({ client: trx })
      .where('razorpay_payment_id', razorpayPaymentId)
      .first()
    if (!payment) return null
    return Order.query({ client: trx }).where('id', payment.orderId).forUpdate().firstOrFail()
  }
}
