import { createHmac, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import env from '#start/env'

/**
 * Signatures computed here with node:crypto from the secrets in .env.test,
 * independently of the app's own signing code, as Razorpay would.
 */
const keySecret = () => env.get('RAZORPAY_KEY_SECRET')!
const webhookSecret = () => env.get('RAZORPAY_WEBHOOK_SECRET')!

export function checkoutSignature(orderId: string, payId: string, secret = keySecret()) {
  return createHmac('sha256', secret).update(`${orderId}|${payId}`).digest('hex')
}

export function webhookSignature(body: string, secret = webhookSecret()) {
  return createHmac('sha256', secret).update(body).digest('hex')
}

export function paymentId() {
  return `pay_${randomBytes(7).toString('hex').slice(0, 14)}`
}

/** A recorded Razorpay webhook body (tests/fixtures/razorpay) with this test's ids and amounts. */
export function webhookBody(
  fixture: 'payment_captured' | 'order_paid' | 'payment_failed' | 'refund_processed',
  values: {
    orderId?: string
    paymentId?: string
    amount?: number
    currency?: string
    refundId?: string
  }
) {
  const event = JSON.parse(
    readFileSync(new URL(`../fixtures/razorpay/${fixture}.json`, import.meta.url), 'utf8')
  )
  const payment = event.payload.payment?.entity
  if (payment) {
    if (values.paymentId) payment.id = values.paymentId
    if (values.orderId) payment.order_id = values.orderId
    if (values.amount !== undefined) payment.amount = values.amount
    if (values.currency) payment.currency = values.currency
  }
  const order = event.payload.order?.entity
  if (order) {
    if (values.orderId) order.id = values.orderId
    if (values.amount !== undefined) order.amount = order.amount_paid = values.amount
  }
  const refund = event.payload.refund?.entity
  if (refund) {
    if (values.paymentId) refund.payment_id = values.paymentId
    if (values.refundId) refund.id = values.refundId
    if (values.amount !== undefined) refund.amount = values.amount
  }
  return JSON.stringify(event)
}

export function postWebhook(
  client: any,
  body: string,
  options: { eventId?: string; signature?: string } = {}
) {
  return client
    .post('/api/payments/webhook')
    .header('content-type', 'application/json')
    .header('x-razorpay-signature', options.signature ?? webhookSignature(body))
    .header('x-razorpay-event-id', options.eventId ?? `evt_${randomBytes(7).toString('hex')}`)
    .json(body)
}

/** Waits until `check` holds (for work that arrives asynchronously, like sandbox webhooks). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`condition not met within ${timeoutMs} ms`)
}

/** What Razorpay Checkout hands the storefront after a successful payment, correctly signed. */
export function checkoutResult(orderId: string, payId = paymentId()) {
  return {
    razorpay_order_id: orderId,
    razorpay_payment_id: payId,
    razorpay_signature: checkoutSignature(orderId, payId),
  }
}
