import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { OrderStatus, PaymentStatus } from '#enums/order_status'
import OrderItem from '#models/order_item'
import Invoice from '#models/invoice'
import User from '#models/user'

export type ShippingAddress = {
  name: string
  phone: string
  line1: string
  line2: string | null
  city: string
  state: string
  pincode: string
}

export default class Order extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare number: string

  @column()
  declare customerId: number

  @column()
  declare status: OrderStatus

  @column()
  declare paymentStatus: PaymentStatus

  @column()
  declare subtotalPaise: number

  @column()
  declare shippingPaise: number

  @column()
  declare totalPaise: number

  @column()
  declare currency: string

  @column({ prepare: (value) => JSON.stringify(value) })
  declare shippingAddress: ShippingAddress

  /** A business buyer's GSTIN, printed on its invoices (optional, B2B). */
  @column()
  declare buyerGstin: string | null

  @column()
  declare razorpayOrderId: string | null

  @column()
  declare razorpayPaymentId: string | null

  @column.dateTime()
  declare placedAt: DateTime

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare paidAt: DateTime | null

  @column.dateTime()
  declare shippedAt: DateTime | null

  @column.dateTime()
  declare deliveredAt: DateTime | null

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @column.dateTime()
  declare expiredAt: DateTime | null

  @column.dateTime()
  declare refundedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User, { foreignKey: 'customerId' })
  declare customer: BelongsTo<typeof User>

  @hasMany(() => OrderItem)
  declare items: HasMany<typeof OrderItem>

  /** One per seller once the order is paid and numbered. */
  @hasMany(() => Invoice)
  declare invoices: HasMany<typeof Invoice>
}
