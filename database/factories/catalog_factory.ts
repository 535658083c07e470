import factory from '@adonisjs/lucid/factories'
import Category from '#models/category'
import Product from '#models/product'

let sequence = 0

export const CategoryFactory = factory
  .define(Category, ({ faker }) => {
    const name = `${faker.commerce.department()} ${++sequence}`
    return {
      name,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      description: faker.commerce.productDescription(),
      parentId: null,
      gstRate: null,
      position: 0,
    }
  })
  .build()

/**
 * A product needs `sellerId` and `categoryId` merged in by the caller:
 * `ProductFactory.merge({ sellerId, categoryId }).create()`.
 */
export const ProductFactory = factory
  .define(Product, ({ faker }) => {
    const title = `${faker.commerce.productName()} ${++sequence}`
    const price = faker.number.int({ min: 99, max: 4999 }) * 100
    return {
      title,
      slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      description: faker.commerce.productDescription(),
      pricePaise: price,
      mrpPaise: price + faker.number.int({ min: 0, max: 2000 }) * 100,
      stock: 25,
      gstRate: 5 as const,
      isActive: true,
      avgRating: 0,
      ratingCount: 0,
      salesCount: 0,
    }
  })
  .state('inactive', (product) => (product.isActive = false))
  .state('soldOut', (product) => (product.stock = 0))
  // Like the real create action, opening stock goes through the ledger.
  .after('create', async (_, product, ctx) => {
    if (product.stock > 0) {
      await ctx.$trx!.table('stock_movements').insert({
        product_id: product.id,
        delta: product.stock,
        reason: 'initial',
        reference_type: 'product',
        reference_id: product.id,
        stock_after: product.stock,
      })
    }
  })
  .build()
