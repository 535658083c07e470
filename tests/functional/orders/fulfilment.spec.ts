import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, markPaid, putInCart } from '#tests/helpers/commerce'

/** A paid order with one item from each of two sellers. */
async function twoSellerOrder(client: any) {
  const customer = await createCustomer()
  const sellerA = await createSeller('approved')
  const sellerB = await createSeller('approved')
  const productA = await createProduct({ pricePaise: 30_000, title: 'Block Print Kurti' }, sellerA)
  const productB = await createProduct({ pricePaise: 45_000, title: 'Oxidised Jhumkas' }, sellerB)
  await putInCart(customer, productA, 1)
  await putInCart(customer, productB, 2)
  const order = (
    await client
      .post('/api/orders')
      .bearerToken(await tokenFor(customer))
      .json({ shipping_address: ADDRESS })
  ).body().data
  const itemA = order.items.find((i: { product_id: number }) => i.product_id === productA.id)
  const itemB = order.items.find((i: { product_id: number }) => i.product_id === productB.id)
  return { customer, sellerA, sellerB, order, itemA, itemB, productA }
}

test.group('Seller fulfilment', (group) => {
  group.each.setup(() => resetState())

  test('each seller sees only its own items, with the customer name and address', async ({
    client,
    assert,
  }) => {
    const { customer, sellerA, order, itemA } = await twoSellerOrder(client)
    const response = await client.get('/api/seller/orders').bearerToken(await tokenFor(sellerA))
    response.assertStatus(200)
    response.assertAgainstApiSpec()
    const [seen] = response.body().data
    assert.equal(seen.id, order.id)
    assert.deepEqual(
      seen.items.map((i: { id: number }) => i.id),
      [itemA.id]
    )
    assert.equal(seen.seller_total_paise, 30_000)
    assert.equal(seen.customer.name, customer.fullName)
    assert.equal(seen.shipping_address.pincode, ADDRESS.pincode)

    const other = await createSeller('approved')
    const none = await client.get('/api/seller/orders').bearerToken(await tokenFor(other))
    assert.deepEqual(none.body().data, [])
  })

  test('the order ships when all its items have shipped, and is delivered when all are', async ({
    client,
    assert,
  }) => {
    const { customer, sellerA, sellerB, order, itemA, itemB } = await twoSellerOrder(client)
    await markPaid(order.id)
    const tokenA = await tokenFor(sellerA)
    const tokenB = await tokenFor(sellerB)

    const shipA = await client
      .post(`/api/seller/orders/${order.id}/items/${itemA.id}/ship`)
      .bearerToken(tokenA)
    shipA.assertStatus(200)
    shipA.assertAgainstApiSpec()
    assert.equal(shipA.body().data.items[0].fulfillment_status, 'shipped')
    assert.equal(shipA.body().data.status, 'paid')

    // Seller B's item is untouched by A shipping.
    const customerView = await client
      .get(`/api/orders/${order.id}`)
      .bearerToken(await tokenFor(customer))
    const statuses = Object.fromEntries(
      customerView
        .body()
        .data.items.map((i: { id: number; fulfillment_status: string }) => [
          i.id,
          i.fulfillment_status,
        ])
    )
    assert.deepEqual(statuses, { [itemA.id]: 'shipped', [itemB.id]: 'pending' })

    const shipB = await client
      .post(`/api/seller/orders/${order.id}/items/${itemB.id}/ship`)
      .bearerToken(tokenB)
    assert.equal(shipB.body().data.status, 'shipped')

    await client
      .post(`/api/seller/orders/${order.id}/items/${itemA.id}/deliver`)
      .bearerToken(tokenA)
    const deliverB = await client
      .post(`/api/seller/orders/${order.id}/items/${itemB.id}/deliver`)
      .bearerToken(tokenB)
    deliverB.assertStatus(200)
    assert.equal(deliverB.body().data.status, 'delivered')
    assert.isNotNull(deliverB.body().data.delivered_at)
  })

  test("another seller's item is a 404 whatever its state", async ({ client, assert }) => {
    const { sellerA, order, itemB } = await twoSellerOrder(client)
    const tokenA = await tokenFor(sellerA)
    const beforePaid = await client
      .post(`/api/seller/orders/${order.id}/items/${itemB.id}/ship`)
      .bearerToken(tokenA)
    beforePaid.assertStatus(404)
    await markPaid(order.id)
    const afterPaid = await client
      .post(`/api/seller/orders/${order.id}/items/${itemB.id}/ship`)
      .bearerToken(tokenA)
    afterPaid.assertStatus(404)
    afterPaid.assertAgainstApiSpec()
    const item = await db.from('order_items').where('id', itemB.id).firstOrFail()
    assert.equal(item.fulfillment_status, 'pending')
  })

  test('wrong states are 409s: unpaid, already shipped, delivering before shipping', async ({
    client,
  }) => {
    const { sellerA, order, itemA } = await twoSellerOrder(client)
    const tokenA = await tokenFor(sellerA)
    const ship = () =>
      client.post(`/api/seller/orders/${order.id}/items/${itemA.id}/ship`).bearerToken(tokenA)
    const deliver = () =>
      client.post(`/api/seller/orders/${order.id}/items/${itemA.id}/deliver`).bearerToken(tokenA)

    const unpaid = await ship()
    unpaid.assertStatus(409)
    unpaid.assertAgainstApiSpec()
    await markPaid(order.id)
    ;(await deliver()).assertStatus(409)
    ;(await ship()).assertStatus(200)
    ;(await ship()).assertStatus(409)
  })

  test('who may fulfil: {$self}')
    .with(['customer', 'pending seller', 'rejected seller', 'admin'] as const)
    .run(async ({ client }, who) => {
      const { order, itemA } = await twoSellerOrder(client)
      await markPaid(order.id)
      const actor =
        who === 'customer'
          ? await createCustomer()
          : who === 'admin'
            ? await createAdmin()
            : await createSeller(who === 'pending seller' ? 'pending' : 'rejected')
      const token = await tokenFor(actor)
      ;(await client.get('/api/seller/orders').bearerToken(token)).assertStatus(403)
      ;(await client.get('/api/seller/dashboard').bearerToken(token)).assertStatus(403)
      ;(
        await client
          .post(`/api/seller/orders/${order.id}/items/${itemA.id}/ship`)
          .bearerToken(token)
      ).assertStatus(403)
    })

  test('the dashboard shows 30-day revenue, orders by status, low stock, pending work', async ({
    client,
    assert,
  }) => {
    const { sellerA, order, productA } = await twoSellerOrder(client)
    await markPaid(order.id)
    await db.from('products').where('id', productA.id).update({ stock: 3 })
    // A second, unpaid order for the same seller counts by status but not as revenue.
    const customer = await createCustomer()
    await putInCart(customer, productA, 1)
    await client
      .post('/api/orders')
      .bearerToken(await tokenFor(customer))
      .json({ shipping_address: ADDRESS })

    const response = await client.get('/api/seller/dashboard').bearerToken(await tokenFor(sellerA))
    response.assertStatus(200)
    response.assertAgainstApiSpec()
    const data = response.body().data
    assert.equal(data.revenue_paise, 30_000)
    assert.deepEqual(data.orders_by_status, { paid: 1, pending_payment: 1 })
    assert.deepEqual(
      data.low_stock.map((p: { id: number; stock: number }) => [p.id, p.stock]),
      [[productA.id, 2]]
    )
    assert.equal(data.pending_fulfillment_count, 1)
  })

  test('an item of a cancelled order cannot be shipped', async ({ client, assert }) => {
    const { sellerA, order, itemA } = await twoSellerOrder(client)
    await markPaid(order.id)
    await db
      .from('orders')
      .where('id', order.id)
      .update({ status: 'cancelled', cancelled_at: new Date() })

    const response = await client
      .post(`/api/seller/orders/${order.id}/items/${itemA.id}/ship`)
      .bearerToken(await tokenFor(sellerA))
    response.assertStatus(409)
    response.assertAgainstApiSpec()
    response.assertBodyContains({ errors: [{ code: 'E_INVALID_ORDER_STATE' }] })
    const item = await db.from('order_items').where('id', itemA.id).firstOrFail()
    assert.equal(item.fulfillment_status, 'pending')
    assert.lengthOf(await db.from('outbox_events').where('type', 'order_item.shipped'), 0)
  })
})
