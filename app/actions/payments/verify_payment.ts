import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import Order from '#models/order'
import { DomainError, NotFoundError } from '#exceptions/domain_errors'
import { PaymentGateway } from '#services/payments/payment_gateway'
import ApplyPaymentEvent from '#actions/payments/apply_payment_event'
import type { PaymentSource } from '#models/payment'

export type CheckoutResult = {
  razorpay_order_id: string
  razorpay_payment_id: string
  razorpay_signature: string
}

/**
 * Checks the signature checkout hands back (HMAC-SHA256 of
 * "order_id|payment_id" with the key secret, compared in constant time)
 * and applies the payment. A bad signature changes nothing: not the order,
 * not its payment status, not the payments log.
 */
@inject()
export default class VerifyPayment {
  constructor(
    private gateway: PaymentGateway,
    private applyPaymentEvent: ApplyPaymentEvent
  ) {}

  /**
   * `customerId` restricts the lookup to that customer's orders (the API
   * route); the checkout callback passes none, the signature being its
   * only credential, exactly as with Razorpay's redirect flow.
   */
  async handle(result: CheckoutResult, source: PaymentSource, customerId?: number) {
    const query = Order.query().where('razorpay_order_id', result.razorpay_order_id)
    if (customerId !== undefined) query.where('customer_id', customerId)
    const order = await query.first()
    if (!order) throw new NotFoundError('Order not found')

    const valid = this.gateway.verifyPaymentSignature(
      result.razorpay_order_id,
      result.razorpay_payment_id,
      result.razorpay_signature
    )
    if (!valid) {
      logger.warn({ orderId: order.id }, 'payment verification with an invalid signature')
      throw new DomainError('Invalid payment signature', {
        status: 400,
        code: 'E_INVALID_SIGNATURE',
      })
    }

    const { outcome } = await this.applyPaymentEvent.captured({
      razorpayOrderId: result.razorpay_order_id,
      razorpayPaymentId: result.razorpay_payment_id,
      status: 'authorized',
      source,
    })
    if (outcome === 'late_payment' || outcome === 'duplicate_payment') {
      throw new DomainError(
        outcome === 'late_payment'
          ? `Order ${order.number} is ${order.status} and can no longer be paid; the payment is being refunded`
          : `Order ${order.number} was already paid; this second payment is being refunded`,
        { status: 409, code: 'E_PAYMENT_REFUNDED' }
      )
    }
    await order.refresh()
    return order
  }
}
