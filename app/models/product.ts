import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { GstRate } from '#enums/gst_rate'
import Category from '#models/category'
import ProductImage from '#models/product_image'
import User from '#models/user'

export default class Product extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  /** The seller's user id. */
  @column()
  declare sellerId: number

  @column()
  declare categoryId: number

  @column()
  declare title: string

  @column()
  declare slug: string

  @column()
  declare description: string

  /** GST-inclusive selling price. */
  @column()
  declare pricePaise: number

  @column()
  declare mrpPaise: number | null

  @column()
  declare stock: number

  @column()
  declare gstRate: GstRate

  /** Null: its category's code applies. */
  @column()
  declare hsnCode: string | null

  @column()
  declare isActive: boolean

  /**
   * Sellable: active, seller approved and the seller's account active
   * (#services/catalog/sellable). Kept by database triggers, read-only here.
   */
  @column()
  declare isVisible: boolean

  @column({ consume: (value) => Number(value) })
  declare avgRating: number

  @column()
  declare ratingCount: number

  @column()
  declare salesCount: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User, { foreignKey: 'sellerId' })
  declare seller: BelongsTo<typeof User>

  @belongsTo(() => Category)
  declare category: BelongsTo<typeof Category>

  @hasMany(() => ProductImage)
  declare images: HasMany<typeof ProductImage>
}
