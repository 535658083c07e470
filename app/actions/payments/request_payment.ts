import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import { appUrl } from '#config/app'
import Order from '#models/order'
import { ConflictError } from '#exceptions/domain_errors'
import Payment from '#models/payment'
import { GatewayUnavailableError, PaymentGateway } from '#services/payments/payment_gateway'

export type PaymentBlock = {
  provider: 'razorpay'
  key_id: string
  razorpay_order_id: string
  amount_paise: number
  currency: string
  checkout_url: string
}

/**
 * Makes sure a `pending_payment` order has a Razorpay order and returns
 * the `payment` block a storefront needs to open checkout. Called after
 * the order transaction commits. Two callers racing (an idempotent retry)
 * may both create a gateway order; only the first one stored is used.
 */
@inject()
export default class RequestPayment {
  constructor(private gateway: PaymentGateway) {}

  /** Only an order waiting for its money can be paid. */
  static isPayable(order: Order) {
    return order.status === 'pending_payment'
  }

  async handle(order: Order): Promise<PaymentBlock> {
    if (!RequestPayment.isPayable(order)) {
      throw new ConflictError(
        `Order ${order.number} is ${order.status.replace('_', ' ')}; there is nothing to pay`,
        'E_INVALID_ORDER_STATE'
      )
    }
    if (!order.razorpayOrderId) {
      const created = await this.gateway.createOrder({
        amountPaise: order.totalPaise,
        currency: order.currency,
        receipt: order.number,
        notes: { order_id: String(order.id), order_number: order.number },
      })
      // Conditional, so of two racing callers only the first gateway order is kept.
      const [stored] = await Order.query()
        .where('id', order.id)
        .whereNull('razorpay_order_id')
        .update({ razorpay_order_id: created.id, updated_at: new Date() })
      if (Number(stored) === 1) {
        await Payment.create({
          orderId: order.id,
          provider: this.gateway.name,
          event: 'order_created',
          source: 'system',
          razorpayOrderId: created.id,
          amountPaise: created.amountPaise,
          currency: created.currency,
        })
      }
      await order.refresh()
    }
    return this.block(order)
  }

  /** Like `handle`, but a gateway outage yields null: the order stands and `/pay` retries. */
  async tryHandle(order: Order) {
    try {
      return await this.handle(order)
    } catch (error) {
      if (!(error instanceof GatewayUnavailableError)) throw error
      logger.warn(
        { orderId: order.id, gatewayError: error.detail },
        'payment order not created; client may retry'
      )
      return null
    }
  }

  private block(order: Order): PaymentBlock {
    return {
      provider: 'razorpay',
      key_id: this.gateway.keyId,
      razorpay_order_id: order.razorpayOrderId!,
      amount_paise: order.totalPaise,
      currency: order.currency,
      checkout_url: `${appUrl}/checkout/${order.razorpayOrderId}`,
    }
  }
}
