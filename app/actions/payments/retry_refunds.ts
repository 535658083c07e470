import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import RefundPayment from '#actions/payments/refund_payment'

/**
 * Refunds that are owed but were never requested successfully (the gateway
 * was down at the time): cancelled paid orders, and late or duplicate
 * payments. Safe to run any time; returns how many refunds it requested.
 */
@inject()
export default class RetryRefunds {
  constructor(private refundPayment: RefundPayment) {}

  async handle() {
    const owed = await db
      .from('payments as p')
      .join('orders as o', 'o.id', 'p.order_id')
      .where((q) =>
        q
          .whereIn('p.event', ['late_payment', 'duplicate_payment'])
          .orWhere((paid) =>
            paid
              .whereIn('p.event', ['authorized', 'captured'])
              .where('o.status', 'cancelled')
              .whereColumn('p.razorpay_payment_id', 'o.razorpay_payment_id')
          )
      )
      .whereNotExists((sub) =>
        sub
          .from('payments as r')
          .whereColumn('r.razorpay_payment_id', 'p.razorpay_payment_id')
          .whereIn('r.event', ['refund_requested', 'refunded'])
      )
      .distinct('p.order_id', 'p.razorpay_payment_id', 'p.event')

    let requested = 0
    for (const row of owed) {
      const order = await Order.findOrFail(row.order_id)
      const reason =
        row.event === 'late_payment' || row.event === 'duplicate_payment'
          ? row.event
          : 'cancelled by customer'
      await this.refundPayment.tryHandle(order, row.razorpay_payment_id, reason)
      requested++
    }
    return requested
  }
}
