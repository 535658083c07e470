import db from '@adonisjs/lucid/services/db'
import Product from '#models/product'
import Category from '#models/category'
import StockMovement from '#models/stock_movement'
import { FieldInvalidError, NotFoundError } from '#exceptions/domain_errors'
import type { GstRate } from '#enums/gst_rate'
import { rememberTitleWords } from '#services/catalog/search_query'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

export type UpdateProductInput = {
  title?: string
  description?: string
  price_paise?: number
  mrp_paise?: number | null
  stock?: number
  category_id?: number
  gst_rate?: GstRate
  is_active?: boolean
}

/**
 * Edits a product. The row is locked so a stock edit and a concurrent
 * checkout cannot lose each other's change; a stock edit is recorded in
 * the ledger as an adjustment. The slug stays, so shared links keep working.
 */
export default class UpdateProduct {
  async handle(productId: number, input: UpdateProductInput) {
    if (input.category_id !== undefined && !(await Category.find(input.category_id))) {
      throw new FieldInvalidError('category_id', 'exists', 'The selected category does not exist')
    }
    const updated = await db.transaction(async (trx) => {
      const product = await Product.query({ client: trx })
        .where('id', productId)
        .forUpdate()
        .first()
      if (!product) throw new NotFoundError('Product not found')

      const price = input.price_paise ?? product.pricePaise
      const mrp = input.mrp_paise === undefined ? product.mrpPaise : input.mrp_paise
      if (mrp !== null && mrp < price) {
        throw new FieldInvalidError('mrp_paise', 'min', 'mrp_paise must not be below price_paise')
      }
      const previousStock = product.stock
      product.merge({
        title: input.title ?? product.title,
        description: input.description ?? product.description,
        pricePaise: price,
        mrpPaise: mrp,
        stock: input.stock ?? product.stock,
        categoryId: input.category_id ?? product.categoryId,
        gstRate: input.gst_rate ?? product.gstRate,
        isActive: input.is_active ?? product.isActive,
      })
      await product.save()

      const delta = product.stock - previousStock
      if (delta !== 0) {
        await StockMovement.create(
          {
            productId: product.id,
            delta,
            reason: 'adjustment',
            referenceType: 'product',
            referenceId: product.id,
            stockAfter: product.stock,
          },
          { client: trx }
        )
      }
      if (input.title) await rememberTitleWords([input.title], trx)
      return product
    })
    await bumpCatalogVersion()
    return updated
  }
}
