import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { createProduct, putInCart } from '#tests/helpers/commerce'

test.group('Cart', (group) => {
  group.each.setup(() => resetState())

  test('a customer adds products, quantities merge, totals are in paise', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const saree = await createProduct({ pricePaise: 79_900, stock: 5 })
    const kurti = await createProduct({ pricePaise: 34_950, stock: 5 })

    const first = await client
      .post('/api/cart')
      .bearerToken(token)
      .json({ product_id: saree.id, quantity: 1 })
    first.assertStatus(201)
    first.assertAgainstApiSpec()
    await client.post('/api/cart/').bearerToken(token).json({ product_id: saree.id, quantity: 2 })
    await client.post('/api/cart').bearerToken(token).json({ product_id: kurti.id, quantity: 1 })

    const cart = await client.get('/api/cart').bearerToken(token)
    cart.assertStatus(200)
    cart.assertAgainstApiSpec()
    const body = cart.body().data
    assert.lengthOf(body.items, 2)
    assert.equal(body.items[0].quantity, 3)
    assert.equal(body.items[0].line_total_paise, 239_700)
    assert.equal(body.item_count, 4)
    assert.equal(body.subtotal_paise, 239_700 + 34_950)
    assert.isTrue(body.items.every((item: { available: boolean }) => item.available))
  })

  test('change a quantity, remove a line, clear the cart', async ({ client, assert }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const a = await createProduct({ stock: 5 })
    const b = await createProduct({ stock: 5 })
    await putInCart(customer, a, 1)
    await putInCart(customer, b, 1)
    const [lineA, lineB] = (await client.get('/api/cart').bearerToken(token)).body().data.items

    const patched = await client
      .patch(`/api/cart/${lineA.id}`)
      .bearerToken(token)
      .json({ quantity: 4 })
    patched.assertStatus(200)
    patched.assertAgainstApiSpec()
    assert.equal(patched.body().data.items[0].quantity, 4)

    const removed = await client.delete(`/api/cart/${lineB.id}`).bearerToken(token)
    removed.assertStatus(204)
    assert.lengthOf((await client.get('/api/cart').bearerToken(token)).body().data.items, 1)

    ;(await client.delete('/api/cart').bearerToken(token)).assertStatus(204)
    const empty = (await client.get('/api/cart').bearerToken(token)).body().data
    assert.deepEqual(empty, { items: [], item_count: 0, subtotal_paise: 0 })
  })

  test('beyond stock is a 409, beyond 10 per product a 422, and nothing changes', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const scarce = await createProduct({ stock: 3, title: 'Banarasi Silk Saree' })
    const plenty = await createProduct({ stock: 100 })

    const overStock = await client
      .post('/api/cart')
      .bearerToken(token)
      .json({ product_id: scarce.id, quantity: 4 })
    overStock.assertStatus(409)
    overStock.assertAgainstApiSpec()
    assert.include(overStock.body().errors[0].message, 'Only 3 of “Banarasi Silk Saree” left')

    await client.post('/api/cart').bearerToken(token).json({ product_id: plenty.id, quantity: 8 })
    const overLimit = await client
      .post('/api/cart')
      .bearerToken(token)
      .json({ product_id: plenty.id, quantity: 3 })
    overLimit.assertStatus(422)
    overLimit.assertBodyContains({ errors: [{ field: 'quantity', rule: 'max' }] })

    const cart = (await client.get('/api/cart').bearerToken(token)).body().data
    assert.deepEqual(
      cart.items.map((i: { quantity: number }) => i.quantity),
      [8]
    )

    const line = cart.items[0]
    const patchOver = await client
      .patch(`/api/cart/${line.id}`)
      .bearerToken(token)
      .json({ quantity: 11 })
    patchOver.assertStatus(422)
  })

  test('bad quantities are 422s: {$self}')
    .with([0, -1, 11, 1e9, 'abc', 2.5, null, '1; DROP TABLE cart_items'])
    .run(async ({ client, assert }, quantity) => {
      const customer = await createCustomer()
      const product = await createProduct()
      const response = await client
        .post('/api/cart')
        .bearerToken(await tokenFor(customer))
        .json({ product_id: product.id, quantity })
      response.assertStatus(422)
      response.assertAgainstApiSpec()
      assert.equal(response.body().errors[0].field, 'quantity')
    })

  test('unknown, inactive and unapproved-seller products cannot be added', async ({ client }) => {
    const token = await tokenFor(await createCustomer())
    const inactive = await createProduct({ isActive: false })
    const pendingSellers = await createProduct({}, await createSeller('pending'))
    for (const productId of [999999, inactive.id, pendingSellers.id, 99999999999]) {
      const response = await client
        .post('/api/cart')
        .bearerToken(token)
        .json({ product_id: productId, quantity: 1 })
      response.assertStatus(422)
      response.assertBodyContains({ errors: [{ field: 'product_id' }] })
    }
  })

  test('items that went inactive or ran out are flagged, not dropped', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const gone = await createProduct({ stock: 5 })
    const soldOut = await createProduct({ stock: 5 })
    const short = await createProduct({ stock: 5 })
    const fine = await createProduct({ stock: 5, pricePaise: 10_000 })
    for (const product of [gone, soldOut, short, fine]) await putInCart(customer, product, 3)
    await db.from('products').where('id', gone.id).update({ is_active: false })
    await db.from('products').where('id', soldOut.id).update({ stock: 0 })
    await db.from('products').where('id', short.id).update({ stock: 2 })

    const cart = await client.get('/api/cart').bearerToken(token)
    cart.assertAgainstApiSpec()
    const body = cart.body().data
    assert.deepEqual(
      body.items.map((i: { issue: string | null }) => i.issue),
      ['unavailable', 'out_of_stock', 'insufficient_stock', null]
    )
    assert.equal(body.item_count, 12)
    assert.equal(body.subtotal_paise, 30_000)
  })

  test("someone else's cart line is a 404", async ({ client, assert }) => {
    const owner = await createCustomer()
    const product = await createProduct()
    await putInCart(owner, product, 2)
    const [line] = (await client.get('/api/cart').bearerToken(await tokenFor(owner))).body().data
      .items
    const intruder = await tokenFor(await createCustomer())

    ;(
      await client.patch(`/api/cart/${line.id}`).bearerToken(intruder).json({ quantity: 1 })
    ).assertStatus(404)
    ;(await client.delete(`/api/cart/${line.id}`).bearerToken(intruder)).assertStatus(404)
    const still = (await client.get('/api/cart').bearerToken(await tokenFor(owner))).body().data
    assert.equal(still.items[0].quantity, 2)
  })

  test('sellers and admins get 403, anonymous 401', async ({ client }) => {
    const product = await createProduct()
    for (const user of [await createSeller('approved'), await createAdmin()]) {
      const token = await tokenFor(user)
      ;(await client.get('/api/cart').bearerToken(token)).assertStatus(403)
      ;(
        await client
          .post('/api/cart')
          .bearerToken(token)
          .json({ product_id: product.id, quantity: 1 })
      ).assertStatus(403)
      ;(await client.delete('/api/cart').bearerToken(token)).assertStatus(403)
    }
    ;(await client.get('/api/cart')).assertStatus(401)
  })
})
