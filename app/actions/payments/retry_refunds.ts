import { inject } from '@adonisjs/core'
import Payment from '#models/payment'
import RefundPayment from '#actions/payments/refund_payment'
import { CANCELLED_BY_CUSTOMER } from '#actions/orders/cancel_order'
import { refundInFlightSql } from '#services/payments/refund_claims'

/**
 * Refunds that are owed but not in flight (never requested, the gateway was
 * down, or it reported the refund failed): cancelled paid orders, and late
 * or duplicate payments. Safe to run any time; returns how many refunds it requested.
 */
@inject()
export default class RetryRefunds {
  constructor(private refundPayment: RefundPayment) {}

  async handle() {
    const owed = await Payment.query()
      .where((q) =>
        q
          .whereIn('event', ['late_payment', 'duplicate_payment'])
          .orWhere((paid) =>
            paid
              .whereIn('event', ['authorized', 'captured'])
              .whereHas('order', (order) =>
                order
                  .where('status', 'cancelled')
                  .whereColumn('orders.razorpay_payment_id', 'payments.razorpay_payment_id')
              )
          )
      )
      .whereRaw(`NOT ${refundInFlightSql('payments.razorpay_payment_id')}`)
      .preload('order')
      .orderBy('id')

    // A payment logged twice (authorized, then captured) is still one refund.
    const byPayment = new Map(owed.map((payment) => [payment.razorpayPaymentId!, payment]))
    for (const [paymentId, payment] of byPayment) {
      const reason =
        payment.event === 'late_payment' || payment.event === 'duplicate_payment'
          ? payment.event
          : CANCELLED_BY_CUSTOMER
      await this.refundPayment.tryHandle(payment.order, paymentId, reason)
    }
    return byPayment.size
  }
}
