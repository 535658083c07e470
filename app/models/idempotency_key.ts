import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A customer's Idempotency-Key for POST /api/orders and the order it placed, honoured 24 hours. */
export default class IdempotencyKey extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare key: string

  @column()
  declare requestHash: string

  @column()
  declare orderId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
