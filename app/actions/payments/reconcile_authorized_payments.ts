import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import Order from '#models/order'
import config from '@adonisjs/core/services/config'
import type { PaymentsConfig } from '#config/payments'
import { GatewayUnavailableError, PaymentGateway } from '#services/payments/payment_gateway'
import CapturePayment, { type SettleOutcome } from '#actions/payments/capture_payment'

/**
 * Payments stuck in `authorized` (the capture job failed, the gateway was
 * down, a webhook-only authorisation) for longer than the configured
 * minutes: asks the gateway what became of each, captures those still
 * authorised and applies the rest. Safe to run any time; returns the
 * outcome per order id.
 */
@inject()
export default class ReconcileAuthorizedPayments {
  constructor(
    private gateway: PaymentGateway,
    private capturePayment: CapturePayment
  ) {}

  async handle(now = DateTime.now()) {
    const { reconcileAuthorizedAfterMinutes: minutes } = config.get<PaymentsConfig>('payments')
    const cutoff = now.minus({ minutes })
    const stuck = await Order.query()
      .where('payment_status', 'authorized')
      .whereNotNull('razorpay_payment_id')
      .whereExists((logged) =>
        logged
          .from('payments')
          .whereColumn('payments.order_id', 'orders.id')
          .whereColumn('payments.razorpay_payment_id', 'orders.razorpay_payment_id')
          .where('payments.event', 'authorized')
          .where('payments.created_at', '<', cutoff.toJSDate())
      )
      .orderBy('id')

    const outcomes = new Map<number, SettleOutcome | 'gateway_unavailable'>()
    for (const order of stuck) {
      try {
        const payment = await this.gateway.fetchPayment(order.razorpayPaymentId!)
        outcomes.set(
          order.id,
          payment.status === 'authorized'
            ? await this.capturePayment.handle(order.id, payment.id)
            : await this.capturePayment.settle(order.id, payment)
        )
      } catch (error) {
        if (!(error instanceof GatewayUnavailableError)) throw error
        logger.warn(
          { orderId: order.id, gatewayError: error.detail },
          'authorised payment not reconciled; next run tries again'
        )
        outcomes.set(order.id, 'gateway_unavailable')
      }
    }
    return outcomes
  }
}
