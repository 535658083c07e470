import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { FulfillmentStatus } from '#enums/order_status'
import type { GstRate } from '#enums/gst_rate'
import Order from '#models/order'
import User from '#models/user'
import SellerProfile from '#models/seller_profile'

/** A line of an order: a snapshot of the product as it was sold. */
export default class OrderItem extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare orderId: number

  @column()
  declare productId: number

  @column()
  declare sellerId: number

  @column()
  declare title: string

  @column()
  declare unitPricePaise: number

  @column()
  declare quantity: number

  @column()
  declare gstRate: GstRate

  @column()
  declare lineTotalPaise: number

  /** The product's HSN code (else its category's) when it was sold; printed on the invoice. */
  @column()
  declare hsnCode: string | null

  @column()
  declare fulfillmentStatus: FulfillmentStatus

  @column.dateTime()
  declare shippedAt: DateTime | null

  @column.dateTime()
  declare deliveredAt: DateTime | null

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>

  @belongsTo(() => User, { foreignKey: 'sellerId' })
  declare seller: BelongsTo<typeof User>

  /** The seller's business profile (its name on the order), keyed by the seller's user id. */
  @belongsTo(() => SellerProfile, { foreignKey: 'sellerId', localKey: 'userId' })
  declare sellerProfile: BelongsTo<typeof SellerProfile>

  /** Cancelled lines no longer count towards shipping or delivery. */
  get isLive() {
    return this.fulfillmentStatus !== 'cancelled'
  }
}
