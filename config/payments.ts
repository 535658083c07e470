import env from '#start/env'

type Gateway = 'sandbox' | 'razorpay'
type Secret = 'RAZORPAY_KEY_ID' | 'RAZORPAY_KEY_SECRET' | 'RAZORPAY_WEBHOOK_SECRET'

/**
 * Values published in this repository (.env.example, .env.test). Anyone can
 * sign a webhook or a checkout result with them, so the real gateway refuses them.
 */
const PUBLISHED_VALUES = new Set([
  'rzp_test_sandbox000001',
  'sandbox_key_secret_change_me',
  'sandbox_webhook_secret_change_me',
  'test_key_secret_4f1c',
  'test_webhook_secret_9a2e',
])

function isPlaceholder(value: string) {
  return PUBLISHED_VALUES.has(value) || /change_?me|sandbox/i.test(value)
}

/** Stops the boot with the variable's name, as start/env.ts does for a missing one. */
function refuse(name: string, why: string): never {
  throw new Error(`Invalid environment variable "${name}": ${why}`)
}

function required(name: Secret) {
  const value = env.get(name)
  if (!value) refuse(name, 'it must be set (see .env.example)')
  return value
}

const keyId = required('RAZORPAY_KEY_ID')
const keySecret = required('RAZORPAY_KEY_SECRET')
const webhookSecret = required('RAZORPAY_WEBHOOK_SECRET')

/**
 * Real Razorpay keys (rzp_test_… / rzp_live_…, no placeholder) select the
 * `razorpay` gateway unless PAYMENT_GATEWAY says otherwise; anything else
 * gets the offline `sandbox`.
 */
const hasRealKeys = /^rzp_(test|live)_/.test(keyId) && !isPlaceholder(keyId)
const gateway: Gateway = env.get('PAYMENT_GATEWAY') ?? (hasRealKeys ? 'razorpay' : 'sandbox')

if (gateway === 'razorpay') {
  if (!/^rzp_(test|live)_/.test(keyId))
    refuse('RAZORPAY_KEY_ID', 'expected rzp_test_… or rzp_live_…')
  const secrets: [Secret, string][] = [
    ['RAZORPAY_KEY_ID', keyId],
    ['RAZORPAY_KEY_SECRET', keySecret],
    ['RAZORPAY_WEBHOOK_SECRET', webhookSecret],
  ]
  for (const [name, value] of secrets) {
    if (isPlaceholder(value)) {
      refuse(name, 'a published placeholder; use the value from the Razorpay dashboard')
    }
  }
}

// The sandbox's Pay button marks any order paid without login: never by accident in production.
if (
  gateway === 'sandbox' &&
  env.get('NODE_ENV') === 'production' &&
  !env.get('ALLOW_SANDBOX_PAYMENTS_IN_PRODUCTION')
) {
  refuse(
    'PAYMENT_GATEWAY',
    'the sandbox lets anyone pay any order; use razorpay in production ' +
      '(ALLOW_SANDBOX_PAYMENTS_IN_PRODUCTION=true opts a staging host in)'
  )
}

const paymentsConfig = {
  gateway,

  razorpay: {
    keyId,
    keySecret,
    webhookSecret,
    /** Another base URL for the SDK (the tests' fake Razorpay). Unset in production. */
    apiUrl: env.get('RAZORPAY_API_URL'),
  },

  sandbox: {
    /** Deliver signed webhooks to our own /api/payments/webhook, as Razorpay would. */
    webhooks: env.get('SANDBOX_WEBHOOKS', true),
  },

  /**
   * Minutes a payment may stay `authorized` before the reconciliation asks
   * the gateway what became of it (Razorpay refunds uncaptured ones after a
   * few days, so this is far shorter).
   */
  reconcileAuthorizedAfterMinutes: env.get('PAYMENT_RECONCILE_AFTER_MINUTES', 15),
}

export default paymentsConfig

export type PaymentsConfig = typeof paymentsConfig
