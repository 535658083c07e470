import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export type PaymentEvent =
  | 'order_created'
  | 'authorized'
  | 'captured'
  | 'failed'
  | 'amount_mismatch'
  | 'late_payment'
  | 'duplicate_payment'
  | 'refund_requested'
  | 'refund_failed'
  | 'refunded'

export type PaymentSource = 'api' | 'checkout' | 'webhook' | 'system'

/** Appends one row to the payments log; nothing is ever updated or deleted there. */
export async function recordPayment(
  client: Pick<TransactionClientContract, 'table'>,
  row: {
    orderId: number
    provider: string
    event: PaymentEvent
    source: PaymentSource
    razorpayOrderId?: string | null
    razorpayPaymentId?: string | null
    razorpayRefundId?: string | null
    amountPaise?: number | null
    currency?: string | null
    raw?: unknown
  }
) {
  await client.table('payments').insert({
    order_id: row.orderId,
    provider: row.provider,
    event: row.event,
    source: row.source,
    razorpay_order_id: row.razorpayOrderId ?? null,
    razorpay_payment_id: row.razorpayPaymentId ?? null,
    razorpay_refund_id: row.razorpayRefundId ?? null,
    amount_paise: row.amountPaise ?? null,
    currency: row.currency ?? null,
    raw: row.raw === undefined ? null : JSON.stringify(row.raw),
  })
}
