import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { SellerStatus } from '#enums/seller_status'
import User from '#models/user'

export default class SellerProfile extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare businessName: string

  @column()
  declare gstin: string | null

  /** Characters 3–12 of the GSTIN, or entered by a seller without one. */
  @column()
  declare pan: string | null

  @column({ columnName: 'address_line1', serializeAs: 'address_line1' })
  declare addressLine1: string | null

  @column({ columnName: 'address_line2', serializeAs: 'address_line2' })
  declare addressLine2: string | null

  @column()
  declare city: string | null

  @column()
  declare state: string | null

  @column()
  declare pincode: string | null

  @column()
  declare status: SellerStatus

  @column.dateTime()
  declare reviewedAt: DateTime | null

  /** Why an already approved seller is pending again (see UpdateSellerProfile). */
  @column()
  declare reviewNote: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
