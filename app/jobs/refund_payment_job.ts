import app from '@adonisjs/core/services/app'
import { Job } from '@rlanz/bull-queue'
import Order from '#models/order'
import RefundPayment from '#actions/payments/refund_payment'

export type RefundPaymentPayload = { orderId: number; razorpayPaymentId: string; reason: string }

/**
 * Started by `payment.refund_owed` (start/outbox.ts): refunds a late or
 * duplicate payment outside the webhook request. The refund is claimed in
 * the database first, so a retried job never asks twice; a gateway outage
 * is left to RetryRefundsJob.
 */
export default class RefundPaymentJob extends Job {
  static get $$filepath() {
    return import.meta.url
  }

  async handle({ orderId, razorpayPaymentId, reason }: RefundPaymentPayload) {
    const order = await Order.findOrFail(orderId)
    await (await app.container.make(RefundPayment)).tryHandle(order, razorpayPaymentId, reason)
  }

  async rescue(payload: RefundPaymentPayload, error: Error) {
    this.logger.error(`refund for order ${payload.orderId} failed: ${error.message}`)
  }
}
