import env from '#start/env'

const keyId = env.get('RAZORPAY_KEY_ID', 'rzp_test_sandbox000001')
const keySecret = env.get('RAZORPAY_KEY_SECRET')

/**
 * Real Razorpay keys (rzp_test_… / rzp_live_… with a secret) select the
 * `razorpay` gateway unless PAYMENT_GATEWAY says otherwise; anything else
 * gets the offline `sandbox`.
 */
const hasRealKeys = /^rzp_(test|live)_/.test(keyId) && !keyId.includes('sandbox') && !!keySecret

const paymentsConfig = {
  gateway: env.get('PAYMENT_GATEWAY', hasRealKeys ? 'razorpay' : 'sandbox'),

  razorpay: {
    keyId,
    keySecret: keySecret ?? 'sandbox_key_secret_change_me',
    webhookSecret: env.get('RAZORPAY_WEBHOOK_SECRET', 'sandbox_webhook_secret_change_me'),
    /** Another base URL for the SDK (the tests' fake Razorpay). Unset in production. */
    apiUrl: env.get('RAZORPAY_API_URL'),
  },

  sandbox: {
    /** Deliver signed webhooks to our own /api/payments/webhook, as Razorpay would. */
    webhooks: env.get('SANDBOX_WEBHOOKS', true),
  },
}

export default paymentsConfig

export type PaymentsConfig = typeof paymentsConfig
