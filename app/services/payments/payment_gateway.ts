import { createHmac, timingSafeEqual } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { DomainError } from '#exceptions/domain_errors'

export type GatewayOrder = {
  id: string
  amountPaise: number
  currency: string
  receipt: string
}

export type GatewayRefund = {
  id: string
  paymentId: string
  amountPaise: number
  status: 'pending' | 'processed' | 'failed'
}

export type GatewayPayment = {
  id: string
  orderId: string
  amountPaise: number
  currency: string
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed'
}

/**
 * The gateway could not be reached or refused the call; the order stays as
 * it was. The gateway's own words (`detail`) go to the log only: they can
 * name accounts, keys or internal state, so clients get a generic message
 * and the request id that finds the log line.
 */
export class GatewayUnavailableError extends DomainError {
  constructor(readonly detail: string) {
    super('The payment gateway is unavailable; try again shortly', {
      status: 502,
      code: 'E_GATEWAY_UNAVAILABLE',
    })
  }

  /** Called by the exception handler (before it renders the error) for HTTP requests. */
  report(_error: this, ctx: HttpContext) {
    const requestId = ctx.request.id()
    ctx.logger.error({ requestId, gatewayError: this.detail }, 'payment gateway call failed')
    if (requestId) this.message = `${this.message} (request ${requestId})`
  }
}

export function hmacHex(secret: string, payload: string) {
  return createHmac('sha256', secret).update(payload).digest('hex')
}

/** Compares hex signatures in constant time; anything malformed is simply unequal. */
export function signaturesMatch(expectedHex: string, givenHex: unknown) {
  if (typeof givenHex !== 'string' || !/^[0-9a-f]+$/i.test(givenHex)) return false
  const expected = Buffer.from(expectedHex, 'hex')
  const given = Buffer.from(givenHex, 'hex')
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * What the app needs from a payment provider. Two implementations:
 * `razorpay` (official SDK, test or live keys) and `sandbox` (offline,
 * Razorpay-shaped ids and the same HMAC signatures). Signatures are
 * checked here, identically for both, with the provider's secrets.
 */
export abstract class PaymentGateway {
  abstract readonly name: 'sandbox' | 'razorpay'
  abstract readonly keyId: string
  protected abstract readonly keySecret: string
  protected abstract readonly webhookSecret: string

  abstract createOrder(input: {
    amountPaise: number
    currency: string
    receipt: string
    notes: Record<string, string>
  }): Promise<GatewayOrder>

  abstract refund(
    paymentId: string,
    amountPaise: number,
    notes: Record<string, string>
  ): Promise<GatewayRefund>

  abstract fetchPayment(paymentId: string): Promise<GatewayPayment>

  /** Takes the money of an authorised payment (Razorpay's `payments.capture`). */
  abstract capture(
    paymentId: string,
    amountPaise: number,
    currency: string
  ): Promise<GatewayPayment>

  /** Razorpay's checkout signature: HMAC-SHA256(key_secret, "order_id|payment_id"). */
  verifyPaymentSignature(orderId: string, paymentId: string, signature: unknown) {
    return signaturesMatch(hmacHex(this.keySecret, `${orderId}|${paymentId}`), signature)
  }

  /** Razorpay's webhook signature: HMAC-SHA256(webhook_secret, raw body). */
  verifyWebhookSignature(rawBody: string, signature: unknown) {
    return signaturesMatch(hmacHex(this.webhookSecret, rawBody), signature)
  }
}
