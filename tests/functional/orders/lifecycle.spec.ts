import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ace from '@adonisjs/core/services/ace'
import OrdersExpire from '#commands/orders_expire'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, ledgerSum, putInCart, stockOf } from '#tests/helpers/commerce'
import type User from '#models/user'
import type Product from '#models/product'

async function placeOrder(client: any, customer: User, product: Product, quantity = 2) {
  await putInCart(customer, product, quantity)
  const response = await client
    .post('/api/orders')
    .bearerToken(await tokenFor(customer))
    .json({ shipping_address: ADDRESS })
  response.assertStatus(201)
  return response.body().data
}

test.group('Orders / viewing', (group) => {
  group.each.setup(() => resetState())

  test('customers list their own orders newest first and open one', async ({ client, assert }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const product = await createProduct({ stock: 20 })
    const first = await placeOrder(client, customer, product, 1)
    const second = await placeOrder(client, customer, product, 1)
    await placeOrder(client, await createCustomer(), product, 1)

    const list = await client.get('/api/orders').bearerToken(token)
    list.assertStatus(200)
    list.assertAgainstApiSpec()
    assert.deepEqual(
      list.body().data.map((o: { id: number }) => o.id),
      [second.id, first.id]
    )
    assert.equal(list.body().meta.total, 2)

    const one = await client.get(`/api/orders/${first.id}/`).bearerToken(token)
    one.assertStatus(200)
    one.assertAgainstApiSpec()
    assert.equal(one.body().data.number, first.number)
    assert.deepEqual(one.body().data.invoice, { status: 'pending', url: null })
  })

  test("someone else's order is a 404 everywhere", async ({ client }) => {
    const owner = await createCustomer()
    const order = await placeOrder(client, owner, await createProduct())
    const intruder = await tokenFor(await createCustomer())
    for (const request of [
      client.get(`/api/orders/${order.id}`),
      client.post(`/api/orders/${order.id}/cancel`),
      client.post(`/api/orders/${order.id}/pay`),
    ]) {
      const response = await request.bearerToken(intruder)
      response.assertStatus(404)
      response.assertAgainstApiSpec()
    }
  })

  test('sellers and admins cannot place or list customer orders', async ({ client }) => {
    for (const user of [await createSeller('approved'), await createAdmin()]) {
      const token = await tokenFor(user)
      ;(
        await client.post('/api/orders').bearerToken(token).json({ shipping_address: ADDRESS })
      ).assertStatus(403)
      ;(await client.get('/api/orders').bearerToken(token)).assertStatus(403)
    }
    ;(await client.get('/api/orders')).assertStatus(401)
  })

  test('an admin lists all orders with filters', async ({ client, assert }) => {
    const product = await createProduct({ stock: 20 })
    const a = await placeOrder(client, await createCustomer(), product, 1)
    const customer = await createCustomer()
    await placeOrder(client, customer, product, 1)
    const token = await tokenFor(await createAdmin())

    const all = await client.get('/api/admin/orders').bearerToken(token)
    all.assertStatus(200)
    all.assertAgainstApiSpec()
    assert.equal(all.body().meta.total, 2)
    const byNumber = await client
      .get('/api/admin/orders')
      .qs({ number: a.number })
      .bearerToken(token)
    assert.deepEqual(
      byNumber.body().data.map((o: { id: number }) => o.id),
      [a.id]
    )
    const byCustomer = await client
      .get('/api/admin/orders')
      .qs({ customer_id: customer.id })
      .bearerToken(token)
    assert.equal(byCustomer.body().meta.total, 1)
    ;(await client.get('/api/admin/orders').bearerToken(await tokenFor(customer))).assertStatus(403)
  })
})

test.group('Orders / cancel, pay, expire', (group) => {
  group.each.setup(() => resetState())

  test('cancelling a pending order returns its stock, once', async ({ client, assert }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const product = await createProduct({ stock: 5 })
    const order = await placeOrder(client, customer, product, 3)
    assert.equal(await stockOf(product.id), 2)

    const cancel = await client.post(`/api/orders/${order.id}/cancel`).bearerToken(token)
    cancel.assertStatus(200)
    cancel.assertAgainstApiSpec()
    assert.equal(cancel.body().data.status, 'cancelled')
    assert.isNotNull(cancel.body().data.cancelled_at)
    assert.equal(cancel.body().data.items[0].fulfillment_status, 'cancelled')
    assert.equal(await stockOf(product.id), 5)

    const again = await client.post(`/api/orders/${order.id}/cancel`).bearerToken(token)
    again.assertStatus(409)
    again.assertAgainstApiSpec()
    assert.equal(await stockOf(product.id), 5)
    assert.equal(await ledgerSum(product.id), 5)

    const history = await db.from('order_transitions').where('order_id', order.id).orderBy('id')
    assert.deepEqual(
      history.map((h) => [h.from_status, h.to_status]),
      [
        [null, 'pending_payment'],
        ['pending_payment', 'cancelled'],
      ]
    )
  })

  test('pay returns the same payment block for a pending order, 409 otherwise', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const order = await placeOrder(client, customer, await createProduct())

    const pay = await client.post(`/api/orders/${order.id}/pay`).bearerToken(token)
    pay.assertStatus(200)
    pay.assertAgainstApiSpec()
    assert.equal(pay.body().payment.razorpay_order_id, order.payment.razorpay_order_id)

    await client.post(`/api/orders/${order.id}/cancel`).bearerToken(token)
    const late = await client.post(`/api/orders/${order.id}/pay`).bearerToken(token)
    late.assertStatus(409)
  })

  test('node ace orders:expire expires only overdue unpaid orders and returns stock', async ({
    client,
    assert,
  }) => {
    const product = await createProduct({ stock: 10 })
    const late = await createCustomer()
    const overdue = await placeOrder(client, late, product, 3)
    const fresh = await placeOrder(client, await createCustomer(), product, 2)
    await db
      .from('orders')
      .where('id', overdue.id)
      .update({ expires_at: new Date(Date.now() - 1000) })
    assert.equal(await stockOf(product.id), 5)

    ace.ui.switchMode('raw')
    const command = await ace.create(OrdersExpire, [])
    await command.exec()
    command.assertSucceeded()
    command.assertLog('[ green(success) ] Expired 1 unpaid order')
    ace.ui.switchMode('normal')

    const rows = await db.from('orders').whereIn('id', [overdue.id, fresh.id]).orderBy('id')
    assert.deepEqual(
      rows.map((r) => r.status),
      ['expired', 'pending_payment']
    )
    assert.isNotNull(rows[0].expired_at)
    assert.equal(await stockOf(product.id), 8)
    assert.equal(await ledgerSum(product.id), 8)

    // An expired order can be neither paid nor cancelled.
    const customerId = rows[0].customer_id
    const token = await tokenFor(
      (await import('#models/user')).default.$createFromAdapterResult({ id: customerId })!
    )
    ;(await client.post(`/api/orders/${overdue.id}/cancel`).bearerToken(token)).assertStatus(409)
    ;(await client.post(`/api/orders/${overdue.id}/pay`).bearerToken(token)).assertStatus(409)
  })

  test('a paid order that has shipped cannot be cancelled', async ({ client, assert }) => {
    const customer = await createCustomer()
    const order = await placeOrder(client, customer, await createProduct())
    await db
      .from('orders')
      .where('id', order.id)
      .update({ status: 'paid', payment_status: 'captured', paid_at: new Date() })
    await db
      .from('order_items')
      .where('order_id', order.id)
      .update({ fulfillment_status: 'shipped' })
    const response = await client
      .post(`/api/orders/${order.id}/cancel`)
      .bearerToken(await tokenFor(customer))
    response.assertStatus(409)
    assert.include(response.body().errors[0].message, 'already shipped')
  })
})
