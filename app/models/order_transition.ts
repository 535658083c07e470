import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { OrderStatus } from '#enums/order_status'

/** One order state change: who moved the order, from what (null when placed), to what, and why. */
export default class OrderTransition extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare orderId: number

  @column()
  declare fromStatus: OrderStatus | null

  @column()
  declare toStatus: OrderStatus

  @column()
  declare actorId: number | null

  @column()
  declare reason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
