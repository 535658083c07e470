import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import Product from '#models/product'
import Category from '#models/category'
import { FieldInvalidError } from '#exceptions/domain_errors'
import { DEFAULT_GST_RATE, type GstRate } from '#enums/gst_rate'
import { slugify, slugSuffix } from '#services/catalog/slug'
import { rememberTitleWords } from '#services/catalog/search_query'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'
import { applyStockChanges } from '#services/inventory/stock'

export type CreateProductInput = {
  title: string
  description: string
  price_paise: number
  mrp_paise?: number
  stock: number
  category_id: number
  gst_rate?: GstRate
  hsn_code?: string | null
  is_active?: boolean
}

/**
 * A seller lists a product. The opening stock goes in through the ledger
 * (its first entry, `initial`), so stock_movements sums to products.stock
 * from the start.
 */
export default class CreateProduct {
  async handle(seller: User, input: CreateProductInput) {
    if (input.mrp_paise !== undefined && input.mrp_paise < input.price_paise) {
      throw new FieldInvalidError('mrp_paise', 'min', 'mrp_paise must not be below price_paise')
    }
    const category = await Category.find(input.category_id)
    if (!category) {
      throw new FieldInvalidError('category_id', 'exists', 'The selected category does not exist')
    }

    const created = await db.transaction(async (trx) => {
      const product = new Product().useTransaction(trx)
      product.merge({
        sellerId: seller.id,
        categoryId: category.id,
        title: input.title,
        slug: await uniqueProductSlug(input.title, trx),
        description: input.description,
        pricePaise: input.price_paise,
        mrpPaise: input.mrp_paise ?? null,
        stock: 0,
        gstRate: input.gst_rate ?? category.gstRate ?? DEFAULT_GST_RATE,
        hsnCode: input.hsn_code ?? null,
        isActive: input.is_active ?? true,
      })
      await product.save()
      if (input.stock > 0) {
        await applyStockChanges(trx, [
          {
            productId: product.id,
            delta: input.stock,
            reason: 'initial',
            referenceType: 'product',
            referenceId: product.id,
          },
        ])
        await product.refresh()
      }
      await rememberTitleWords([product.title], trx)
      return product
    })
    await bumpCatalogVersion()
    return created
  }
}

/** The title's slug, or with a short random suffix when another product has it. */
async function uniqueProductSlug(title: string, trx: any) {
  const base = slugify(title) || 'product'
  const taken = await trx.from('products').where('slug', base).select('id').first()
  return taken ? `${base.slice(0, 200)}-${slugSuffix()}` : base
}
