import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Order from '#models/order'
import type { DocumentType, LineSnapshot, PartySnapshot } from '#services/invoices/invoice_snapshot'

const json = { prepare: (value: unknown) => JSON.stringify(value) }

/**
 * A seller's document for its part of an order: a GST tax invoice, or a
 * bill of sale from a seller without GSTIN. The number, the parties, the
 * lines and the tax figures are written once, when it is numbered;
 * re-rendering the PDF reads only them and moves `pdf_path` and `generated_at`.
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
  declare documentType: DocumentType

  @column(json)
  declare supplier: PartySnapshot

  @column(json)
  declare buyer: PartySnapshot

  @column(json)
  declare lines: LineSnapshot[]

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
