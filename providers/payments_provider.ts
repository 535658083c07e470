import type { ApplicationService } from '@adonisjs/core/types'
import { PaymentGateway } from '#services/payments/payment_gateway'

/**
 * Binds the PaymentGateway chosen by PAYMENT_GATEWAY. Without it, real
 * Razorpay keys (rzp_test_… / rzp_live_… with a secret) select `razorpay`,
 * anything else the offline `sandbox`.
 */
export default class PaymentsProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(PaymentGateway, async () => {
      const { default: env } = await import('#start/env')
      const keyId = env.get('RAZORPAY_KEY_ID') ?? 'rzp_test_sandbox000001'
      const keySecret = env.get('RAZORPAY_KEY_SECRET') ?? 'sandbox_key_secret_change_me'
      const webhookSecret = env.get('RAZORPAY_WEBHOOK_SECRET') ?? 'sandbox_webhook_secret_change_me'
      const hasRealKeys =
        /^rzp_(test|live)_/.test(keyId) &&
        !keyId.includes('sandbox') &&
        !!env.get('RAZORPAY_KEY_SECRET')
      const choice = env.get('PAYMENT_GATEWAY') ?? (hasRealKeys ? 'razorpay' : 'sandbox')

      if (choice === 'razorpay') {
        const { RazorpayGateway } = await import('#services/payments/razorpay_gateway')
        return new RazorpayGateway(keyId, keySecret, webhookSecret, {
          apiUrl: env.get('RAZORPAY_API_URL'),
        })
      }
      const { SandboxGateway } = await import('#services/payments/sandbox_gateway')
      const webhooks = env.get('SANDBOX_WEBHOOKS', true)
      return new SandboxGateway(
        keyId,
        keySecret,
        webhookSecret,
        webhooks ? `${env.get('APP_URL')}/api/payments/webhook` : null
      )
    })
  }
}
