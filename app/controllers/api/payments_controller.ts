import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import VerifyPayment from '#actions/payments/verify_payment'
import HandleWebhook from '#actions/payments/handle_webhook'
import { serializeOrder, withCustomerView } from '#transformers/order_transformer'
import { verifyPaymentValidator } from '#validators/payments'

export default class PaymentsController {
  @inject()
  async verify({ auth, bouncer, request }: HttpContext, verifyPayment: VerifyPayment) {
    await bouncer.with(OrderPolicy).authorize('shop')
    const input = await request.validateUsing(verifyPaymentValidator)
    const order = await verifyPayment.handle(input, 'api', auth.getUserOrFail().id)
    const paid = await withCustomerView(Order.query()).where('id', order.id).firstOrFail()
    return { data: serializeOrder(paid) }
  }

  /** Razorpay calls this; it must answer quickly and only with 2xx for what it accepted. */
  @inject()
  async webhook({ request }: HttpContext, handleWebhook: HandleWebhook) {
    const result = await handleWebhook.handle(
      request.raw() ?? '',
      request.header('x-razorpay-signature'),
      request.header('x-razorpay-event-id')
    )
    return { data: result }
  }
}
