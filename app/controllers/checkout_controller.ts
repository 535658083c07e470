import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import VerifyPayment from '#actions/payments/verify_payment'
import { DomainError } from '#exceptions/domain_errors'
import { PaymentGateway } from '#services/payments/payment_gateway'
import { SandboxGateway } from '#services/payments/sandbox_gateway'
import { verifyPaymentValidator } from '#validators/payments'
import { formatInr } from '#services/tax/gst'

/**
 * The page behind an order's `checkout_url`. With real keys it opens
 * Razorpay Checkout; with the sandbox it offers Pay and Fail buttons. Both
 * finish at `callback`, which verifies the signature like the API route.
 */
@inject()
export default class CheckoutController {
  constructor(private gateway: PaymentGateway) {}

  private async findOrder(razorpayOrderId: string) {
    const order = await Order.query().where('razorpay_order_id', razorpayOrderId).first()
    if (!order) throw new DomainError('Checkout not found', { status: 404, code: 'E_NOT_FOUND' })
    return order
  }

  async show({ params, view }: HttpContext) {
    const order = await this.findOrder(params.razorpayOrderId)
    return view.render('checkout/show', {
      order,
      amount: formatInr(order.totalPaise),
      sandbox: this.gateway instanceof SandboxGateway,
      keyId: this.gateway.keyId,
    })
  }

  /** Sandbox only: what Razorpay does when the customer completes payment. */
  async sandboxPay({ params, view }: HttpContext) {
    const sandbox = this.sandbox()
    const result = sandbox.pay(await this.findOrder(params.razorpayOrderId))
    // Like Razorpay's redirect flow: hand the signed result to the callback.
    return view.render('checkout/redirect', { result })
  }

  /** Sandbox only: a declined payment. The order stays payable. */
  async sandboxFail({ params, view }: HttpContext) {
    const sandbox = this.sandbox()
    const order = await this.findOrder(params.razorpayOrderId)
    sandbox.decline(order)
    return view.render('checkout/result', {
      order,
      paid: false,
      message: 'The payment was declined.',
    })
  }

  @inject()
  async callback({ request, view, response }: HttpContext, verifyPayment: VerifyPayment) {
    const input = await request.validateUsing(verifyPaymentValidator)
    try {
      const order = await verifyPayment.handle(input, 'checkout')
      return view.render('checkout/result', { order, paid: true, message: null })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      response.status(error.status)
      const order = await Order.query().where('razorpay_order_id', input.razorpay_order_id).first()
      return view.render('checkout/result', { order, paid: false, message: error.message })
    }
  }

  private sandbox() {
    if (!(this.gateway instanceof SandboxGateway)) {
      throw new DomainError('Not found', { status: 404, code: 'E_NOT_FOUND' })
    }
    return this.gateway
  }
}
