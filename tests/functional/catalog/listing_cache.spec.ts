import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { createCategory, createProduct } from '#tests/helpers/catalog'
import { ADDRESS, putInCart } from '#tests/helpers/commerce'

type Item = { id: number; title: string; price_paise: number; stock: number; in_stock: boolean }
const items = (body: { data: Item[] }) => body.data

/** Two sellers' products in one category, and the first storefront page cached. */
async function cachedCatalog(client: any) {
  const sarees = await createCategory('Sarees')
  const seller = await createSeller('approved')
  const other = await createSeller('approved')
  const silk = await createProduct(seller, sarees, { title: 'Banarasi Silk Saree', stock: 5 })
  const cotton = await createProduct(seller, sarees, { title: 'Cotton Saree', stock: 1 })
  const chiffon = await createProduct(other, sarees, { title: 'Chiffon Saree', stock: 3 })
  const first = await client.get('/api/products').qs({ category: 'sarees', sort: 'price_asc' })
  first.assertStatus(200)
  return { sarees, seller, other, silk, cotton, chiffon, first }
}

const list = (client: any, qs: Record<string, unknown> = {}) =>
  client.get('/api/products').qs({ category: 'sarees', sort: 'price_asc', ...qs })

test.group('Products / cached storefront lists', (group) => {
  group.each.setup(() => resetState())

  test('a list page is served from Redis until the catalog changes', async ({ client, assert }) => {
    const { silk, first } = await cachedCatalog(client)
    assert.isAbove((await redis.keys('catalog:list:*')).length, 0, 'the page was stored in Redis')
    // A write that bypasses the application is not seen while the entry is current...
    await db.from('products').where('id', silk.id).update({ title: 'Changed Behind The Back' })
    const cached = await list(client)
    cached.assertStatus(200)
    cached.assertAgainstApiSpec()
    assert.equal(cached.header('content-type'), 'application/json; charset=utf-8')
    assert.deepEqual(cached.body(), first.body())
    // ...deeper pages are not cached, and other filters are other entries.
    const deep = await list(client, { page: 6, per_page: 1 })
    deep.assertStatus(200)
    assert.deepEqual(deep.body().data, [])
    assert.lengthOf(await redis.keys('catalog:list:*"page",6*'), 0)
    const other = await list(client, { per_page: 3 })
    assert.include(
      items(other.body()).map((p) => p.title),
      'Changed Behind The Back'
    )
  })

  test('a seller edit shows at once', async ({ client, assert }) => {
    const { seller, silk } = await cachedCatalog(client)
    const response = await client
      .patch(`/api/products/${silk.id}`)
      .bearerToken(await tokenFor(seller))
      .json({ title: 'Banarasi Silk Saree with Zari', price_paise: 100 })
    response.assertStatus(200)
    const after = items((await list(client)).body())
    assert.deepInclude(after[0], { title: 'Banarasi Silk Saree with Zari', price_paise: 100 })
  })

  test('a checkout that takes the last unit shows it out of stock', async ({ client, assert }) => {
    const { cotton } = await cachedCatalog(client)
    const inStock = await list(client, { in_stock: 1 })
    assert.include(
      items(inStock.body()).map((p) => p.id),
      cotton.id
    )
    const customer = await createCustomer()
    await putInCart(customer, cotton, 1)
    const order = await client
      .post('/api/orders')
      .bearerToken(await tokenFor(customer))
      .json({ shipping_address: ADDRESS })
    order.assertStatus(201)
    const shown = items((await list(client)).body()).find((p) => p.id === cotton.id)!
    assert.deepInclude(shown, { stock: 0, in_stock: false })
    const stillInStock = await list(client, { in_stock: 1 })
    assert.notInclude(
      items(stillInStock.body()).map((p) => p.id),
      cotton.id
    )
  })

  test("rejecting a seller removes the seller's products at once", async ({ client, assert }) => {
    const { seller, chiffon } = await cachedCatalog(client)
    const response = await client
      .post(`/api/admin/sellers/${seller.id}/reject`)
      .bearerToken(await tokenFor(await createAdmin()))
    response.assertStatus(200)
    assert.deepEqual(
      items((await list(client)).body()).map((p) => p.id),
      [chiffon.id]
    )
  })

  test('a deleted product disappears at once', async ({ client, assert }) => {
    const { seller, silk } = await cachedCatalog(client)
    const response = await client
      .delete(`/api/products/${silk.id}`)
      .bearerToken(await tokenFor(seller))
    response.assertStatus(204)
    const after = await list(client)
    assert.notInclude(
      items(after.body()).map((p) => p.id),
      silk.id
    )
    assert.equal(after.body().meta.total, 2)
  })

  test('a renamed category shows in its products', async ({ client, assert }) => {
    const { sarees } = await cachedCatalog(client)
    const response = await client
      .patch(`/api/categories/${sarees.id}`)
      .bearerToken(await tokenFor(await createAdmin()))
      .json({ name: 'Saris' })
    response.assertStatus(200)
    const after = items((await list(client)).body()) as any[]
    assert.equal(after[0].category.name, 'Saris')
  })
})
