import type { ApplicationService } from '@adonisjs/core/types'
import { PaymentGateway } from '#services/payments/payment_gateway'
import type { PaymentsConfig } from '#config/payments'

/** Binds the PaymentGateway chosen in config/payments.ts. */
export default class PaymentsProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(PaymentGateway, async () => {
      const { gateway, razorpay, sandbox } = this.app.config.get<PaymentsConfig>('payments')
      const { keyId, keySecret, webhookSecret } = razorpay

      if (gateway === 'razorpay') {
        const { RazorpayGateway } = await import('#services/payments/razorpay_gateway')
        return new RazorpayGateway(keyId, keySecret, webhookSecret, { apiUrl: razorpay.apiUrl })
      }
      const { SandboxGateway } = await import('#services/payments/sandbox_gateway')
      const { appUrl } = await import('#config/app')
      return new SandboxGateway(
        keyId,
        keySecret,
        webhookSecret,
        sandbox.webhooks ? `${appUrl}/api/payments/webhook` : null
      )
    })
  }
}
