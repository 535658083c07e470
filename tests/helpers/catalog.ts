import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type Product from '#models/product'
import type Category from '#models/category'
import { CategoryFactory, ProductFactory } from '#database/factories/catalog_factory'
import { rememberTitleWords } from '#services/catalog/search_query'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'

export function createCategory(name: string, parent?: Category) {
  return CategoryFactory.merge({
    name,
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    parentId: parent?.id ?? null,
  }).create()
}

/**
 * A product as the API would create it (its title words go into the search
 * dictionary, cached storefront lists are refreshed).
 */
export async function createProduct(
  seller: User,
  category: Category,
  overrides: Partial<Record<keyof Product, unknown>> = {}
) {
  const product = await ProductFactory.merge({
    sellerId: seller.id,
    categoryId: category.id,
    ...overrides,
  } as any).create()
  await rememberTitleWords([product.title])
  await bumpCatalogVersion()
  return product
}

/** A paid order of `customer` containing `product`, as checkout would leave it. */
export async function createPaidOrder(customer: User, product: Product, status = 'paid') {
  const [order] = await db
    .table('orders')
    .insert({
      number: `MO-TEST-${Math.random().toString(36).slice(2, 10)}`,
      customer_id: customer.id,
      status,
      payment_status: status === 'pending_payment' ? 'created' : 'captured',
      subtotal_paise: product.pricePaise,
      shipping_paise: 0,
      total_paise: product.pricePaise,
      shipping_address: JSON.stringify({ name: 'A', city: 'Jaipur' }),
      placed_at: new Date(),
      expires_at: new Date(Date.now() + 30 * 60_000),
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
  await db.table('order_items').insert({
    order_id: order.id,
    product_id: product.id,
    seller_id: product.sellerId,
    title: product.title,
    unit_price_paise: product.pricePaise,
    quantity: 1,
    gst_rate: product.gstRate,
    line_total_paise: product.pricePaise,
    created_at: new Date(),
    updated_at: new Date(),
  })
  return order.id as number
}

export const ACTORS = [
  'anonymous',
  'customer',
  'owning seller',
  'other seller',
  'pending seller',
  'admin',
] as const
export type Actor = (typeof ACTORS)[number]

/**
 * The six callers of the authorisation matrix around one seller (`owner`).
 * Returns the bearer token for each (null for anonymous).
 */
export async function tokensFor(owner: User): Promise<Record<Actor, string | null>> {
  return {
    'anonymous': null,
    'customer': await tokenFor(await createCustomer()),
    'owning seller': await tokenFor(owner),
    'other seller': await tokenFor(await createSeller('approved')),
    'pending seller': await tokenFor(await createSeller('pending')),
    'admin': await tokenFor(await createAdmin()),
  }
}
