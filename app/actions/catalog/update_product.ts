import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#models/user'
import Product from '#models/product'
import Category from '#models/category'
import { FieldInvalidError, NotFoundError } from '#exceptions/domain_errors'
import type { updateProductValidator } from '#validators/product'
import { rememberTitleWords } from '#services/catalog/search_query'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'
import { applyStockChanges, stockEditDelta } from '#services/inventory/stock'

export type UpdateProductInput = Infer<typeof updateProductValidator>

/**
 * Edits a product. The row is locked, so a stock edit is decided against
 * the stock as it is now (see stockEditDelta) and a concurrent checkout
 * waits for it; the change goes through the stock ledger as an
 * `adjustment` referencing who made it. The slug stays, so shared links
 * keep working.
 */
export default class UpdateProduct {
  async handle({
    actor,
    productId,
    input,
  }: {
    actor: User
    productId: number
    input: UpdateProductInput
  }) {
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
      const delta = stockEditDelta(product.stock, input)
      product.merge({
        title: input.title ?? product.title,
        description: input.description ?? product.description,
        pricePaise: price,
        mrpPaise: mrp,
        categoryId: input.category_id ?? product.categoryId,
        gstRate: input.gst_rate ?? product.gstRate,
        hsnCode: input.hsn_code === undefined ? product.hsnCode : input.hsn_code,
        isActive: input.is_active ?? product.isActive,
      })
      await product.save()

      if (delta !== 0) {
        await applyStockChanges(trx, [
          {
            productId: product.id,
            delta,
            reason: 'adjustment',
            referenceType: 'user',
            referenceId: actor.id,
          },
        ])
        await product.refresh()
      }
      if (input.title) await rememberTitleWords([input.title], trx)
      return product
    })
    await bumpCatalogVersion()
    return updated
  }
}
