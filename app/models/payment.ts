import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Order from '#models/order'

export const PAYMENT_EVENTS = [
  'order_created',
  'authorized',
  'captured',
  'failed',
  'amount_mismatch',
  'late_payment',
  'duplicate_payment',
  'authorization_lapsed',
  'refund_claimed',
  'refund_requested',
  'refund_failed',
  'refunded',
] as const
export type PaymentEvent = (typeof PAYMENT_EVENTS)[number]

/** api (verify route) | checkout (callback page) | webhook | system */
export type PaymentSource = 'api' | 'checkout' | 'webhook' | 'system'

/**
 * One row of the payments log: every attempt and state change of an
 * order's money, appended, never updated or deleted, so "what happened to
 * my money" is one query. The order's current payment status lives on
 * `orders.payment_status` and moves only through `transitionPayment`.
 */
export default class Payment extends BaseModel {
  static table = 'payments'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare orderId: number

  @column()
  declare provider: string

  @column()
  declare event: PaymentEvent

  @column()
  declare source: PaymentSource

  @column()
  declare razorpayOrderId: string | null

  @column()
  declare razorpayPaymentId: string | null

  @column()
  declare razorpayRefundId: string | null

  @column()
  declare amountPaise: number | null

  @column()
  declare currency: string | null

  @column({
    prepare: (value) => (value === undefined || value === null ? null : JSON.stringify(value)),
  })
  declare raw: unknown

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>
}
