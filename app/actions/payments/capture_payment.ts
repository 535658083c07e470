import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import Payment from '#models/payment'
import {
  GatewayUnavailableError,
  PaymentGateway,
  type GatewayPayment,
} from '#services/payments/payment_gateway'
import { transitionOrder } from '#services/orders/order_state_machine'
import { transitionPayment } from '#services/payments/payment_state_machine'
import { releaseOrderStock } from '#actions/orders/release_order_stock'

export type SettleOutcome = 'captured' | 'lapsed' | 'still_authorized' | 'nothing_to_settle'

/** Why an order paid by an authorisation that never became money is cancelled. */
export const AUTHORIZATION_LAPSED = 'payment authorisation lapsed'

/**
 * Captures the payment of an order paid by a verified authorisation
 * (Razorpay refunds authorisations nobody captures after a few days), and
 * applies what the gateway says became of a payment: captured, or lapsed
 * (failed, or refunded without being captured), which cancels the order
 * and releases its stock while nothing has shipped.
 */
@inject()
export default class CapturePayment {
  constructor(private gateway: PaymentGateway) {}

  async handle(orderId: number, razorpayPaymentId: string): Promise<SettleOutcome> {
    const order = await Order.findOrFail(orderId)
    if (!this.isOpen(order, razorpayPaymentId)) return 'nothing_to_settle'
    const payment = await this.gateway.capture(razorpayPaymentId, order.totalPaise, order.currency)
    return this.settle(order.id, payment)
  }

  /** Like `handle`, but a gateway outage is logged; the reconciliation settles it later. */
  async tryHandle(orderId: number, razorpayPaymentId: string) {
    try {
      return await this.handle(orderId, razorpayPaymentId)
    } catch (error) {
      if (!(error instanceof GatewayUnavailableError)) throw error
      logger.warn(
        { orderId, gatewayError: error.detail },
        'payment not captured; the reconciliation will settle it'
      )
      return null
    }
  }

  /** Applies the gateway's view of the order's authorised payment, under the order's row lock. */
  async settle(orderId: number, payment: GatewayPayment): Promise<SettleOutcome> {
    return db.transaction(async (trx) => {
      const order = await Order.query({ client: trx })
        .where('id', orderId)
        .forUpdate()
        .firstOrFail()
      if (!this.isOpen(order, payment.id)) return 'nothing_to_settle' as const
      if (payment.status === 'authorized' || payment.status === 'created') {
        return 'still_authorized' as const
      }

      const log = {
        orderId: order.id,
        provider: this.gateway.name,
        source: 'system' as const,
        razorpayOrderId: order.razorpayOrderId,
        razorpayPaymentId: payment.id,
        amountPaise: payment.amountPaise,
        currency: payment.currency,
        raw: { gatewayStatus: payment.status },
      }
      if (payment.status === 'captured') {
        await transitionPayment(trx, order, 'captured')
        await Payment.create({ ...log, event: 'captured' }, { client: trx })
        return 'captured' as const
      }

      await transitionPayment(trx, order, payment.status)
      await Payment.create({ ...log, event: 'authorization_lapsed' }, { client: trx })
      if (order.status === 'paid') {
        await transitionOrder(trx, order, 'cancelled', { reason: AUTHORIZATION_LAPSED })
        await releaseOrderStock(trx, order)
      } else {
        // Shipped on money that never arrived: only a person can sort that out.
        logger.error(
          { orderId: order.id, status: order.status },
          'payment authorisation lapsed after the order moved on; needs an operator'
        )
      }
      return 'lapsed' as const
    })
  }

  private isOpen(order: Order, razorpayPaymentId: string) {
    return order.paymentStatus === 'authorized' && order.razorpayPaymentId === razorpayPaymentId
  }
}
