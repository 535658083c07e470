import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ExpireUnpaidOrders from '#actions/orders/expire_unpaid_orders'
import { resetState, countRows } from '#tests/helpers/database'
import { createCustomer, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, ledgerSum, putInCart, stockOf } from '#tests/helpers/commerce'

/**
 * Real concurrency against the real database: these requests race through
 * the HTTP server and PostgreSQL at the same moment.
 */
test.group('Checkout under concurrency', (group) => {
  group.each.setup(() => resetState())

  test('50 customers, 10 in stock: exactly 10 orders, stock 0, 40 clean 409s', async ({
    client,
    assert,
  }) => {
    const product = await createProduct({ stock: 10, title: 'Last Few Sarees' })
    const customers = await Promise.all(Array.from({ length: 50 }, () => createCustomer()))
    const tokens = await Promise.all(customers.map((c) => tokenFor(c)))
    await Promise.all(customers.map((c) => putInCart(c, product, 1)))

    const responses = await Promise.all(
      tokens.map((token) =>
        client.post('/api/orders').bearerToken(token).json({ shipping_address: ADDRESS })
      )
    )

    const statuses = responses.map((r) => r.status())
    assert.equal(statuses.filter((s) => s === 201).length, 10)
    assert.equal(statuses.filter((s) => s === 409).length, 40)
    for (const refused of responses.filter((r) => r.status() === 409)) {
      refused.assertBodyContains({ errors: [{ code: 'E_INSUFFICIENT_STOCK' }] })
    }
    assert.equal(await stockOf(product.id), 0)
    assert.equal(await ledgerSum(product.id), 0)
    assert.equal(await countRows('orders'), 10)
    const sold = await db
      .from('order_items')
      .where('product_id', product.id)
      .sum('quantity as total')
      .first()
    assert.equal(Number(sold.total), 10)
  }).timeout(120_000)

  test('a cart of several products cannot deadlock against another in reverse order', async ({
    client,
    assert,
  }) => {
    const products = await Promise.all(
      Array.from({ length: 4 }, () => createProduct({ stock: 20 }))
    )
    const customers = await Promise.all(Array.from({ length: 12 }, () => createCustomer()))
    await Promise.all(
      customers.map(async (customer, i) => {
        const order = i % 2 === 0 ? products : [...products].reverse()
        for (const product of order) await putInCart(customer, product, 1)
      })
    )
    const responses = await Promise.all(
      customers.map(async (c) =>
        client
          .post('/api/orders')
          .bearerToken(await tokenFor(c))
          .json({ shipping_address: ADDRESS })
      )
    )
    assert.isTrue(responses.every((r) => r.status() === 201))
    for (const product of products) {
      assert.equal(await stockOf(product.id), 8)
      assert.equal(await ledgerSum(product.id), 8)
    }
  }).timeout(120_000)

  test('20 concurrent requests with one Idempotency-Key create one order', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const product = await createProduct({ stock: 5 })
    await putInCart(customer, product, 2)

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        client
          .post('/api/orders')
          .bearerToken(token)
          .header('idempotency-key', 'double-tap-1')
          .json({ shipping_address: ADDRESS })
      )
    )

    assert.isTrue(responses.every((r) => r.status() === 201))
    const ids = new Set(responses.map((r) => r.body().data.id))
    assert.equal(ids.size, 1)
    const paymentIds = new Set(responses.map((r) => r.body().payment.razorpay_order_id))
    assert.equal(paymentIds.size, 1)
    assert.equal(await countRows('orders'), 1)
    assert.equal(await stockOf(product.id), 3)
  }).timeout(120_000)

  test('concurrent cancel and expiry of one order release its stock once', async ({
    client,
    assert,
  }) => {
    for (let round = 0; round < 5; round++) {
      const customer = await createCustomer()
      const token = await tokenFor(customer)
      const product = await createProduct({ stock: 6 })
      await putInCart(customer, product, 4)
      const order = (
        await client.post('/api/orders').bearerToken(token).json({ shipping_address: ADDRESS })
      ).body().data
      await db
        .from('orders')
        .where('id', order.id)
        .update({ expires_at: new Date(Date.now() - 60_000) })

      const [cancel, expired] = await Promise.all([
        client.post(`/api/orders/${order.id}/cancel`).bearerToken(token),
        new ExpireUnpaidOrders().handle(),
      ])

      const final = await db.from('orders').where('id', order.id).firstOrFail()
      if (cancel.status() === 200) {
        assert.equal(final.status, 'cancelled')
        assert.equal(expired, 0)
      } else {
        cancel.assertStatus(409)
        assert.equal(final.status, 'expired')
        assert.equal(expired, 1)
      }
      assert.equal(await stockOf(product.id), 6)
      assert.equal(await ledgerSum(product.id), 6)
    }
  }).timeout(120_000)
})
