import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type Product from '#models/product'
import { CategoryFactory, ProductFactory } from '#database/factories/catalog_factory'
import { createCustomer, createSeller, tokenFor } from '#tests/helpers/users'

export const ADDRESS = {
  name: 'Priya Sharma',
  phone: '+91 91234 56780',
  line1: '12, 4th Cross, Indiranagar',
  city: 'Bengaluru',
  state: 'karnataka',
  pincode: '560038',
}

/** An approved seller's active product; pass a seller to reuse one. */
export async function createProduct(
  overrides: Partial<Pick<Product, 'stock' | 'pricePaise' | 'title' | 'isActive' | 'gstRate'>> = {},
  seller?: User
) {
  const owner = seller ?? (await createSeller('approved'))
  const category = await CategoryFactory.create()
  return ProductFactory.merge({
    sellerId: owner.id,
    categoryId: category.id,
    ...overrides,
    ...(overrides.pricePaise ? { mrpPaise: overrides.pricePaise } : {}),
  }).create()
}

export async function putInCart(customer: User, product: Product, quantity = 1) {
  await db.table('cart_items').insert({
    user_id: customer.id,
    product_id: product.id,
    quantity,
    created_at: new Date(),
    updated_at: new Date(),
  })
}

/** Marks an order paid the way a verified payment does, for fulfilment tests. */
export async function markPaid(orderId: number) {
  await db
    .from('orders')
    .where('id', orderId)
    .update({ status: 'paid', payment_status: 'captured', paid_at: new Date() })
}

export async function stockOf(productId: number) {
  const row = await db.from('products').where('id', productId).select('stock').firstOrFail()
  return row.stock as number
}

/** The stock ledger must always explain the current stock. */
export async function ledgerSum(productId: number) {
  const row = await db
    .from('stock_movements')
    .where('product_id', productId)
    .sum('delta as total')
    .first()
  return Number(row?.total ?? 0)
}

/**
 * A new customer's `pending_payment` order for `quantity` × ₹300, placed
 * through POST /api/orders, with its gateway order id.
 */
export async function placedOrder(client: any, quantity = 2) {
  const customer = await createCustomer()
  const token = await tokenFor(customer)
  const product = await createProduct({ pricePaise: 30_000, stock: 10 })
  await putInCart(customer, product, quantity)
  const response = await client
    .post('/api/orders')
    .bearerToken(token)
    .json({ shipping_address: ADDRESS })
  response.assertStatus(201)
  const { data: order, payment } = response.body()
  return { customer, token, product, order, rzpOrderId: payment.razorpay_order_id as string }
}
