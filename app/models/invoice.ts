import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Order from '#models/order'

/**
 * A seller's GST tax invoice for its part of an order. The number and the
 * tax figures are written once, when it is numbered; re-rendering the PDF
 * only moves `pdf_path` and `generated_at`.
 */
export default class Invoice extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare orderId: number

  @column()
  declare sellerId: number

  @column()
  declare number: string

  @column()
  declare financialYear: string

  @column()
  declare sequence: number

  @column.dateTime()
  declare issuedAt: DateTime

  @column()
  declare supplyType: 'intra' | 'inter'

  @column()
  declare taxablePaise: number

  @column()
  declare cgstPaise: number

  @column()
  declare sgstPaise: number

  @column()
  declare igstPaise: number

  @column()
  declare shippingPaise: number

  @column()
  declare totalPaise: number

  @column()
  declare pdfPath: string | null

  @column.dateTime()
  declare generatedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>

  /** The PDF has been rendered and stored. */
  get isReady() {
    return this.generatedAt !== null
  }
}
