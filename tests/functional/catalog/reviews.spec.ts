import { test } from '@japa/runner'
import Product from '#models/product'
import { resetState, countRows } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { createCategory, createPaidOrder, createProduct } from '#tests/helpers/catalog'

async function productOnSale() {
  const seller = await createSeller('approved')
  const product = await createProduct(seller, await createCategory('Sarees'))
  return { seller, product }
}

test.group('Reviews', (group) => {
  group.each.setup(() => resetState())

  test('a customer with a paid order reviews the product; ratings update', async ({
    client,
    assert,
  }) => {
    const { product } = await productOnSale()
    const customer = await createCustomer()
    await createPaidOrder(customer, product, 'delivered')

    const response = await client
      .post(`/api/products/${product.slug}/reviews`)
      .bearerToken(await tokenFor(customer))
      .json({ rating: 4, comment: 'Soft fabric, true colours' })
    response.assertStatus(201)
    response.assertAgainstApiSpec()
    response.assertBodyContains({
      data: {
        rating: 4,
        comment: 'Soft fabric, true colours',
        user: { id: customer.id, full_name: customer.fullName },
      },
    })

    const detail = await client.get(`/api/products/${product.id}`)
    assert.equal(detail.body().data.avg_rating, 4)
    assert.equal(detail.body().data.rating_count, 1)

    const list = await client.get(`/api/products/${product.id}/reviews`)
    list.assertStatus(200)
    list.assertAgainstApiSpec()
    assert.lengthOf(list.body().data, 1)
    assert.equal(list.body().meta.total, 1)
  })

  test('a second review by the same customer is a 409', async ({ client }) => {
    const { product } = await productOnSale()
    const customer = await createCustomer()
    await createPaidOrder(customer, product)
    const token = await tokenFor(customer)
    ;(
      await client
        .post(`/api/products/${product.id}/reviews`)
        .bearerToken(token)
        .json({ rating: 5 })
    ).assertStatus(201)
    const again = await client
      .post(`/api/products/${product.id}/reviews`)
      .bearerToken(token)
      .json({ rating: 1 })
    again.assertStatus(409)
    again.assertAgainstApiSpec()
  })

  test('{actor} without a paid order for the product gets {status}')
    .with([
      { actor: 'anonymous', status: 401 },
      { actor: 'customer who never ordered', status: 403 },
      { actor: 'customer with an unpaid order', status: 403 },
      { actor: 'customer who bought something else', status: 403 },
      { actor: 'owning seller', status: 403 },
      { actor: 'admin', status: 403 },
    ] as const)
    .run(async ({ client, assert }, { actor, status }) => {
      const { seller, product } = await productOnSale()
      let token: string | null = null
      if (actor === 'owning seller') token = await tokenFor(seller)
      if (actor === 'admin') token = await tokenFor(await createAdmin())
      if (actor.startsWith('customer')) {
        const customer = await createCustomer()
        if (actor === 'customer with an unpaid order')
          await createPaidOrder(customer, product, 'pending_payment')
        if (actor === 'customer who bought something else') {
          const other = await createProduct(seller, await createCategory('Kurtis'))
          await createPaidOrder(customer, other)
        }
        token = await tokenFor(customer)
      }
      const request = client.post(`/api/products/${product.id}/reviews`).json({ rating: 5 })
      if (token) request.bearerToken(token)
      const response = await request
      response.assertStatus(status)
      response.assertAgainstApiSpec()
      assert.equal(await countRows('reviews'), 0)
    })

  test('invalid ratings are a 422', async ({ client }) => {
    const { product } = await productOnSale()
    const customer = await createCustomer()
    await createPaidOrder(customer, product)
    const token = await tokenFor(customer)
    for (const rating of [0, 6, 3.5, 'five', null]) {
      const response = await client
        .post(`/api/products/${product.id}/reviews`)
        .bearerToken(token)
        .json({ rating })
      response.assertStatus(422)
      response.assertBodyContains({ errors: [{ field: 'rating' }] })
    }
  })

  test('avg_rating and rating_count stay exact under concurrent reviews', async ({
    client,
    assert,
  }) => {
    const { product } = await productOnSale()
    const ratings = [5, 4, 4, 3, 5, 1, 2, 5, 4, 3, 5, 5]
    const tokens = await Promise.all(
      ratings.map(async () => {
        const customer = await createCustomer()
        await createPaidOrder(customer, product)
        return tokenFor(customer)
      })
    )
    const responses = await Promise.all(
      ratings.map((rating, i) =>
        client.post(`/api/products/${product.id}/reviews`).bearerToken(tokens[i]).json({ rating })
      )
    )
    for (const response of responses) response.assertStatus(201)
    const row = await Product.findOrFail(product.id)
    assert.equal(row.ratingCount, ratings.length)
    const mean = ratings.reduce((a, b) => a + b, 0) / ratings.length
    assert.equal(row.avgRating, Math.round(mean * 100) / 100)
  })

  test('reviews of a hidden product are not public', async ({ client }) => {
    const seller = await createSeller('approved')
    const product = await createProduct(seller, await createCategory('Sarees'), { isActive: false })
    ;(await client.get(`/api/products/${product.id}/reviews`)).assertStatus(404)
    ;(
      await client.get(`/api/products/${product.id}/reviews`).bearerToken(await tokenFor(seller))
    ).assertStatus(200)
  })
})
