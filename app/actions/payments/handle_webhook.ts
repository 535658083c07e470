import { createHash } from 'node:crypto'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import WebhookEvent from '#models/webhook_event'
import { DomainError } from '#exceptions/domain_errors'
import { PaymentGateway } from '#services/payments/payment_gateway'
import ApplyPaymentEvent from '#actions/payments/apply_payment_event'
import RefundPayment from '#actions/payments/refund_payment'

type Entity = Record<string, any>

function entity(payload: any, name: string): Entity | undefined {
  const value = payload?.payload?.[name]?.entity
  return value && typeof value === 'object' ? value : undefined
}

function malformed(): never {
  throw new DomainError('Malformed webhook payload', { status: 400, code: 'E_BAD_REQUEST' })
}

function str(value: unknown) {
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : malformed()
}

function int(value: unknown) {
  return Number.isSafeInteger(value) ? (value as number) : malformed()
}

/**
 * Razorpay webhooks: authenticated by the HMAC of the raw body with the
 * webhook secret, de-duplicated by event id, then applied through the same
 * code as the verify route. Only database work happens here; mails and
 * invoices are queued by what the order change records.
 */
@inject()
export default class HandleWebhook {
  constructor(
    private gateway: PaymentGateway,
    private applyPaymentEvent: ApplyPaymentEvent,
    private refundPayment: RefundPayment
  ) {}

  async handle(rawBody: string, signature: string | undefined, eventIdHeader: string | undefined) {
    if (!this.gateway.verifyWebhookSignature(rawBody, signature)) {
      throw new DomainError('Invalid webhook signature', {
        status: 400,
        code: 'E_INVALID_SIGNATURE',
      })
    }
    let payload: any
    try {
      payload = JSON.parse(rawBody)
    } catch {
      malformed()
    }
    const event = str(payload?.event)
    const eventId =
      eventIdHeader?.slice(0, 100) || createHash('sha256').update(rawBody).digest('hex')

    // An upsert, so concurrent deliveries of one event meet on the unique key.
    const { rows } = await db.rawQuery(
      `INSERT INTO webhook_events (provider, event_id, event, outcome, payload)
       VALUES (?, ?, ?, 'received', ?)
       ON CONFLICT (provider, event_id) DO UPDATE SET provider = EXCLUDED.provider
       RETURNING id, outcome, (xmax = 0) AS inserted`,
      [this.gateway.name, eventId, event, rawBody]
    )
    const stored = rows[0]
    // A replay of an event we finished is a no-op; one that crashed half-way is applied again
    // (every step below is idempotent).
    if (!stored.inserted && stored.outcome !== 'received') return { event, outcome: 'duplicate' }

    const outcome = await this.apply(event, payload)
    await WebhookEvent.query().where('id', stored.id).update({ outcome })
    return { event, outcome }
  }

  private async apply(event: string, payload: any): Promise<string> {
    switch (event) {
      case 'payment.captured':
      case 'order.paid': {
        const payment = entity(payload, 'payment') ?? malformed()
        const order = entity(payload, 'order')
        const result = await this.applyPaymentEvent.captured({
          razorpayOrderId: str(order?.id ?? payment.order_id),
          razorpayPaymentId: str(payment.id),
          amountPaise: int(payment.amount),
          currency: str(payment.currency),
          status: 'captured',
          source: 'webhook',
          raw: payload,
        })
        return result.outcome
      }
      // With manual capture, a customer who closes the page before verify leaves only this.
      case 'payment.authorized': {
        const payment = entity(payload, 'payment') ?? malformed()
        const result = await this.applyPaymentEvent.captured({
          razorpayOrderId: str(payment.order_id),
          razorpayPaymentId: str(payment.id),
          amountPaise: int(payment.amount),
          currency: str(payment.currency),
          status: 'authorized',
          source: 'webhook',
          raw: payload,
        })
        return result.outcome
      }
      case 'payment.failed': {
        const payment = entity(payload, 'payment') ?? malformed()
        const result = await this.applyPaymentEvent.failed({
          razorpayOrderId: str(payment.order_id),
          razorpayPaymentId: str(payment.id),
          source: 'webhook',
          raw: payload,
        })
        return result.outcome
      }
      case 'refund.processed': {
        const refund = entity(payload, 'refund') ?? malformed()
        return this.refundPayment.confirmed({
          razorpayPaymentId: str(refund.payment_id),
          razorpayRefundId: str(refund.id),
          amountPaise: int(refund.amount),
          source: 'webhook',
          raw: payload,
        })
      }
      case 'refund.failed': {
        const refund = entity(payload, 'refund') ?? malformed()
        return this.refundPayment.failed({
          razorpayPaymentId: str(refund.payment_id),
          razorpayRefundId: str(refund.id),
          source: 'webhook',
          raw: payload,
        })
      }
      default:
        return 'ignored'
    }
  }
}
