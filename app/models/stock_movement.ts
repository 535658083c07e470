import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export const STOCK_MOVEMENT_REASONS = [
  'initial',
  'adjustment',
  'order_reserved',
  'order_released',
] as const
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number]

export default class StockMovement extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare productId: number

  @column()
  declare delta: number

  @column()
  declare reason: StockMovementReason

  @column()
  declare referenceType: string | null

  @column()
  declare referenceId: number | null

  @column()
  declare stockAfter: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
