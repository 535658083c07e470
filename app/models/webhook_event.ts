import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A provider's webhook delivery, stored once per (provider, event id); replays hit the unique key. */
export default class WebhookEvent extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare provider: string

  @column()
  declare eventId: string

  @column()
  declare event: string

  /** `received` until applied, then what applying it meant (`paid`, `duplicate`, `ignored`, …). */
  @column()
  declare outcome: string

  @column()
  declare payload: unknown

  @column.dateTime()
  declare receivedAt: DateTime
}
