import { randomBytes } from 'node:crypto'
import logger from '@adonisjs/core/services/logger'
import Payment from '#models/payment'
import type Order from '#models/order'
import { NotFoundError } from '#exceptions/domain_errors'
import {
  PaymentGateway,
  hmacHex,
  type GatewayOrder,
  type GatewayPayment,
  type GatewayRefund,
} from '#services/payments/payment_gateway'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Razorpay ids are a prefix and 14 base62 characters, e.g. order_NvZ3o7kR2xYb1Q. */
export function razorpayStyleId(prefix: 'order' | 'pay' | 'rfnd' | 'evt') {
  let id = ''
  for (const byte of randomBytes(14)) id += ALPHABET[byte % ALPHABET.length]
  return `${prefix}_${id}`
}

/** The order a sandbox checkout page pays for (found by its Razorpay order id). */
type SandboxCheckout = Pick<Order, 'razorpayOrderId' | 'totalPaise' | 'currency'>

/** A Razorpay payment entity as webhooks carry it. */
function paymentEntity(order: SandboxCheckout, paymentId: string) {
  return {
    id: paymentId,
    entity: 'payment',
    order_id: order.razorpayOrderId,
    amount: order.totalPaise,
    currency: order.currency,
  }
}

/**
 * Offline stand-in for Razorpay: no network, the same id shapes and the
 * same HMAC signatures (keyed by RAZORPAY_KEY_SECRET and
 * RAZORPAY_WEBHOOK_SECRET), and it delivers signed webhooks to the app's
 * own webhook route, so everything past the gateway runs production code.
 */
export class SandboxGateway extends PaymentGateway {
  readonly name = 'sandbox' as const

  constructor(
    readonly keyId: string,
    protected readonly keySecret: string,
    protected readonly webhookSecret: string,
    private readonly webhookUrl: string | null
  ) {
    super()
  }

  async createOrder(input: {
    amountPaise: number
    currency: string
    receipt: string
  }): Promise<GatewayOrder> {
    return {
      id: razorpayStyleId('order'),
      amountPaise: input.amountPaise,
      currency: input.currency,
      receipt: input.receipt,
    }
  }

  async refund(paymentId: string, amountPaise: number): Promise<GatewayRefund> {
    const refund = {
      id: razorpayStyleId('rfnd'),
      paymentId,
      amountPaise,
      status: 'processed' as const,
    }
    this.emitWebhook('refund.processed', {
      refund: {
        entity: {
          id: refund.id,
          entity: 'refund',
          payment_id: paymentId,
          amount: amountPaise,
          currency: 'INR',
          status: 'processed',
        },
      },
    })
    return refund
  }

  /** The sandbox's "server side" is the payments log the app keeps. */
  async fetchPayment(paymentId: string): Promise<GatewayPayment> {
    const logged = await Payment.query()
      .where('razorpay_payment_id', paymentId)
      .whereIn('event', ['authorized', 'captured', 'failed', 'refunded'])
      .orderBy('id', 'desc')
      .first()
    if (!logged) throw new NotFoundError(`Payment ${paymentId} not found`)
    return {
      id: paymentId,
      orderId: logged.razorpayOrderId!,
      amountPaise: logged.amountPaise!,
      currency: logged.currency!,
      status: logged.event as GatewayPayment['status'],
    }
  }

  /** Razorpay answers a capture with the payment, now `captured`. */
  async capture(paymentId: string, amountPaise: number, currency: string) {
    const payment = await this.fetchPayment(paymentId)
    return { ...payment, amountPaise, currency, status: 'captured' as const }
  }

  /** What Razorpay Checkout hands back after a successful payment. */
  completeCheckout(razorpayOrderId: string) {
    const paymentId = razorpayStyleId('pay')
    return {
      razorpay_order_id: razorpayOrderId,
      razorpay_payment_id: paymentId,
      razorpay_signature: hmacHex(this.keySecret, `${razorpayOrderId}|${paymentId}`),
    }
  }

  /**
   * The customer clicked Pay on the sandbox checkout page: what Checkout
   * hands back (for the callback), followed by the `payment.captured`
   * webhook Razorpay would send.
   */
  pay(order: SandboxCheckout) {
    const result = this.completeCheckout(order.razorpayOrderId!)
    this.emitWebhook('payment.captured', {
      payment: {
        entity: {
          ...paymentEntity(order, result.razorpay_payment_id),
          status: 'captured',
          method: 'upi',
        },
      },
    })
    return result
  }

  /** The customer clicked Fail: a declined attempt, announced by `payment.failed`. */
  decline(order: SandboxCheckout) {
    const paymentId = this.completeCheckout(order.razorpayOrderId!).razorpay_payment_id
    this.emitWebhook('payment.failed', {
      payment: {
        entity: {
          ...paymentEntity(order, paymentId),
          status: 'failed',
          error_code: 'BAD_REQUEST_ERROR',
          error_description: 'Payment declined in the sandbox',
        },
      },
    })
  }

  /**
   * Sends a signed webhook to the app, as Razorpay would, shortly after
   * the response that caused it. Delivery failures are logged, not thrown.
   */
  private emitWebhook(event: string, payload: Record<string, unknown>) {
    if (!this.webhookUrl) return
    const body = JSON.stringify({
      entity: 'event',
      account_id: 'acc_sandbox',
      event,
      contains: Object.keys(payload),
      payload,
      created_at: Math.floor(Date.now() / 1000),
    })
    const url = this.webhookUrl
    setTimeout(() => {
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-razorpay-signature': hmacHex(this.webhookSecret, body),
          'x-razorpay-event-id': razorpayStyleId('evt'),
        },
        body,
      }).catch((error) =>
        logger.warn({ err: error.message, event }, 'sandbox webhook not delivered')
      )
    }, 50)
  }
}
