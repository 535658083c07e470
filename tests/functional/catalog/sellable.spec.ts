import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import type Product from '#models/product'
import { resetState, countRows } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { createCategory, createProduct } from '#tests/helpers/catalog'
import { ADDRESS, putInCart, stockOf } from '#tests/helpers/commerce'

/**
 * A product is sellable when it is active, its seller approved and the
 * seller's account active; otherwise it is neither listed, nor shown, nor
 * bought. Every storefront list below is read once first, so it sits in
 * the Redis list cache when the seller's state changes.
 */
async function marketplace(client: ApiClient) {
  const sarees = await createCategory('Sarees')
  const seller = await createSeller('approved')
  const other = await createSeller('approved')
  const silk = await createProduct(seller, sarees, { title: 'Banarasi Silk Saree', stock: 5 })
  const cotton = await createProduct(other, sarees, { title: 'Cotton Saree', stock: 5 })
  const customer = await createCustomer()
  const token = await tokenFor(customer)
  await putInCart(customer, silk, 1)
  const storefront = await storefrontIds(client)
  return { sarees, seller, silk, cotton, customer, token, storefront }
}

/** What a shopper finds: the full list, a search, the category listing, its count. */
async function storefrontIds(client: ApiClient) {
  const ids = async (qs: Record<string, unknown>) => {
    const response = await client.get('/api/products').qs(qs)
    response.assertStatus(200)
    response.assertAgainstApiSpec()
    return response
      .body()
      .data.map((p: { id: number }) => p.id)
      .sort()
  }
  const categories = await client.get('/api/categories')
  return {
    list: await ids({}),
    search: await ids({ search: 'saree' }),
    category: await ids({ category: 'sarees', sort: 'price_asc' }),
    count: categories.body().data.find((c: { slug: string }) => c.slug === 'sarees').product_count,
  }
}

async function setActive(client: ApiClient, admin: User, user: User, isActive: boolean) {
  const response = await client
    .patch(`/api/admin/users/${user.id}`)
    .bearerToken(await tokenFor(admin))
    .json({ is_active: isActive })
  response.assertStatus(200)
}

async function cartLine(client: ApiClient, token: string, product: Product) {
  const cart = await client.get('/api/cart').bearerToken(token)
  cart.assertStatus(200)
  cart.assertAgainstApiSpec()
  const line = cart.body().data.items.find((i: any) => i.product.id === product.id)
  return { line, subtotal: cart.body().data.subtotal_paise as number }
}

test.group('Sellable: a disabled seller account', (group) => {
  group.each.setup(() => resetState())

  test('hides its products from list, search, category and detail; cart and checkout refuse them; enabling brings them back', async ({
    client,
    assert,
  }) => {
    const { seller, silk, cotton, token, storefront } = await marketplace(client)
    const both = [silk.id, cotton.id].sort()
    assert.deepEqual(storefront, { list: both, search: both, category: both, count: 2 })
    const admin = await createAdmin()

    await setActive(client, admin, seller, false)

    assert.deepEqual(await storefrontIds(client), {
      list: [cotton.id],
      search: [cotton.id],
      category: [cotton.id],
      count: 1,
    })
    const detail = await client.get(`/api/products/${silk.slug}`)
    detail.assertStatus(404)
    detail.assertAgainstApiSpec()
    ;(await client.get(`/api/products/${silk.id}`).bearerToken(token)).assertStatus(404)
    // Admins still see it through their own access, as for any hidden product.
    ;(await client.get(`/api/products/${silk.id}`).bearerToken(await tokenFor(admin))).assertStatus(
      200
    )

    const { line, subtotal } = await cartLine(client, token, silk)
    assert.equal(line.issue, 'unavailable')
    assert.isFalse(line.available)
    assert.equal(subtotal, 0)

    const add = await client
      .post('/api/cart')
      .bearerToken(await tokenFor(await createCustomer()))
      .json({ product_id: silk.id, quantity: 1 })
    add.assertStatus(422)
    add.assertAgainstApiSpec()
    add.assertBodyContains({ errors: [{ field: 'product_id' }] })

    const update = await client
      .patch(`/api/cart/${line.id}`)
      .bearerToken(token)
      .json({ quantity: 2 })
    update.assertStatus(409)
    update.assertAgainstApiSpec()
    update.assertBodyContains({ errors: [{ code: 'E_PRODUCT_UNAVAILABLE' }] })

    const checkout = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: ADDRESS })
    checkout.assertStatus(409)
    checkout.assertAgainstApiSpec()
    checkout.assertBodyContains({
      errors: [
        { field: `product_${silk.id}`, message: '“Banarasi Silk Saree” is no longer available' },
      ],
    })
    assert.equal(await countRows('orders'), 0)
    assert.equal(await stockOf(silk.id), 5)

    await setActive(client, admin, seller, true)

    assert.deepEqual(await storefrontIds(client), storefront)
    ;(await client.get(`/api/products/${silk.slug}`)).assertStatus(200)
    assert.isNull((await cartLine(client, token, silk)).line.issue)
    const placed = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: ADDRESS })
    placed.assertStatus(201)
    assert.equal(await stockOf(silk.id), 4)
  }).timeout(60_000)

  test("the panel's disable and enable do the same, cached lists included", async ({
    client,
    assert,
  }) => {
    const { seller, silk, cotton, storefront } = await marketplace(client)
    const admin = await createAdmin()
    const toggle = (isActive: boolean) =>
      client
        .post(`/panel/admin/users/${seller.id}/active`)
        .withGuard('web')
        .loginAs(admin)
        .withCsrfToken()
        .form({ is_active: isActive ? '1' : '0' })
        .redirects(0)

    ;(await toggle(false)).assertStatus(302)
    assert.deepEqual(await storefrontIds(client), {
      list: [cotton.id],
      search: [cotton.id],
      category: [cotton.id],
      count: 1,
    })
    ;(await client.get(`/api/products/${silk.id}`)).assertStatus(404)

    // The admin's product list says why the storefront does not show it.
    const products = await client.get('/panel/admin/products').withGuard('web').loginAs(admin)
    assert.match(
      products.text(),
      new RegExp(`id="product-${silk.id}"[\\s\\S]*?hidden: seller account disabled`)
    )
    const form = await client
      .get(`/panel/admin/products/${silk.id}/edit`)
      .withGuard('web')
      .loginAs(admin)
    assert.include(form.text(), 'Not in the storefront (hidden: seller account disabled)')

    ;(await toggle(true)).assertStatus(302)
    assert.deepEqual(await storefrontIds(client), storefront)
  }).timeout(60_000)

  test('approving a disabled seller does not bring its products back; enabling does', async ({
    client,
    assert,
  }) => {
    const { seller, silk, cotton } = await marketplace(client)
    const admin = await createAdmin()
    const adminToken = await tokenFor(admin)
    await setActive(client, admin, seller, false)
    ;(
      await client.post(`/api/admin/sellers/${seller.id}/reject`).bearerToken(adminToken)
    ).assertStatus(200)
    ;(
      await client.post(`/api/admin/sellers/${seller.id}/approve`).bearerToken(adminToken)
    ).assertStatus(200)
    assert.deepEqual((await storefrontIds(client)).list, [cotton.id])
    ;(await client.get(`/api/products/${silk.id}`)).assertStatus(404)

    await setActive(client, admin, seller, true)
    assert.deepEqual((await storefrontIds(client)).list, [silk.id, cotton.id].sort())
  }).timeout(60_000)
})

test.group('Sellable: one definition', (group) => {
  group.each.setup(() => resetState())

  test('the stored flag always equals the SQL definition, whatever changed last', async ({
    assert,
  }) => {
    const category = await createCategory('Kurtis')
    const seller = await createSeller('approved')
    const active = await createProduct(seller, category, { title: 'Active Kurti' })
    const inactive = await createProduct(seller, category, {
      title: 'Resting Kurti',
      isActive: false,
    })

    const states: { status: string; enabled: boolean }[] = []
    for (const status of ['pending', 'approved', 'rejected', 'approved']) {
      for (const enabled of [true, false, true]) states.push({ status, enabled })
    }
    for (const state of states) {
      await db.from('seller_profiles').where('user_id', seller.id).update({ status: state.status })
      await db.from('users').where('id', seller.id).update({ is_active: state.enabled })
      const rows = await db.rawQuery(
        `SELECT p.id, p.is_visible, product_unsellable_reason(p.is_active, p.seller_id) AS reason
           FROM products p WHERE p.seller_id = ? ORDER BY p.id`,
        [seller.id]
      )
      const expected =
        state.status !== 'approved'
          ? 'seller_not_approved'
          : !state.enabled
            ? 'seller_disabled'
            : null
      const [a, i] = rows.rows
      assert.deepEqual(
        [a.id, a.is_visible, a.reason, i.id, i.is_visible, i.reason],
        [active.id, expected === null, expected, inactive.id, false, 'inactive'],
        JSON.stringify(state)
      )
    }
    const count = await db
      .from('categories')
      .where('id', category.id)
      .select('product_count')
      .first()
    assert.equal(count.product_count, 1)
  })
})
