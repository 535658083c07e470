import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { createCustomer, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, putInCart } from '#tests/helpers/commerce'
import { checkoutResult } from '#tests/helpers/razorpay'

/** Places an order with an Idempotency-Key, as a storefront's first tap does. */
async function placeWithKey(client: any, key: string) {
  const customer = await createCustomer()
  const token = await tokenFor(customer)
  await putInCart(customer, await createProduct({ pricePaise: 30_000, stock: 5 }), 1)
  const place = () =>
    client
      .post('/api/orders')
      .bearerToken(token)
      .header('idempotency-key', key)
      .json({ shipping_address: ADDRESS })
  const first = await place()
  first.assertStatus(201)
  return { token, first: first.body(), place }
}

test.group('Payments / idempotent replay after the order moved on', (group) => {
  group.each.setup(() => resetState())

  test('a retry after the order was paid returns the paid order, with nothing left to pay', async ({
    client,
    assert,
  }) => {
    const { token, first, place } = await placeWithKey(client, 'tap-paid-1')
    ;(
      await client
        .post('/api/payments/verify')
        .bearerToken(token)
        .json(checkoutResult(first.payment.razorpay_order_id))
    ).assertStatus(200)

    const retry = await place()
    retry.assertStatus(201)
    retry.assertAgainstApiSpec()
    assert.equal(retry.header('idempotent-replayed'), 'true')
    assert.equal(retry.body().data.id, first.data.id)
    assert.equal(retry.body().data.status, 'paid')
    assert.isNull(retry.body().payment)
  })

  test('a retry after the order was cancelled or expired returns it too', async ({
    client,
    assert,
  }) => {
    const cancelled = await placeWithKey(client, 'tap-cancelled-1')
    ;(
      await client
        .post(`/api/orders/${cancelled.first.data.id}/cancel`)
        .bearerToken(cancelled.token)
    ).assertStatus(200)
    const afterCancel = await cancelled.place()
    afterCancel.assertStatus(201)
    afterCancel.assertAgainstApiSpec()
    assert.equal(afterCancel.header('idempotent-replayed'), 'true')
    assert.equal(afterCancel.body().data.status, 'cancelled')
    assert.isNull(afterCancel.body().payment)

    const expired = await placeWithKey(client, 'tap-expired-1')
    await db
      .from('orders')
      .where('id', expired.first.data.id)
      .update({ status: 'expired', expired_at: new Date() })
    const afterExpiry = await expired.place()
    afterExpiry.assertStatus(201)
    assert.equal(afterExpiry.body().data.id, expired.first.data.id)
    assert.equal(afterExpiry.body().data.status, 'expired')
    assert.isNull(afterExpiry.body().payment)
  })

  test('a retry while the order still waits for payment gets the same payment block', async ({
    client,
    assert,
  }) => {
    const { first, place } = await placeWithKey(client, 'tap-pending-1')
    const retry = await place()
    retry.assertStatus(201)
    assert.equal(retry.header('idempotent-replayed'), 'true')
    assert.deepEqual(retry.body().payment, first.payment)
  })
})
