import { test } from '@japa/runner'
import knex from 'knex'
import env from '#start/env'
import { resetState } from '#tests/helpers/database'
import { createCustomer, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, ledgerSum, putInCart, stockOf } from '#tests/helpers/commerce'
import { eventually } from '#tests/helpers/razorpay'

test.group('Database blip', (group) => {
  group.each.setup(() => resetState())

  test('a dropped database connection mid-request is a 503 with Retry-After, and the retry works', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const product = await createProduct({ stock: 5 })
    await putInCart(customer, product, 2)
    const placed = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: ADDRESS })
    placed.assertStatus(201)
    const orderId = placed.body().data.id

    // Hold the order's row lock so the cancel request waits inside PostgreSQL,
    // then kill that request's connection, as a server restart would.
    // A connection of its own, outside the app's pool.
    const direct = knex({
      client: 'pg',
      connection: {
        host: env.get('DB_HOST'),
        port: env.get('DB_PORT'),
        user: env.get('DB_USER'),
        password: env.get('DB_PASSWORD'),
        database: env.get('DB_DATABASE'),
      },
      pool: { min: 1, max: 1 },
    })
    const holder = await direct.transaction()
    try {
      await holder.raw('SELECT id FROM orders WHERE id = ? FOR UPDATE', [orderId])
      const pending = client
        .post(`/api/orders/${orderId}/cancel`)
        .bearerToken(token)
        .then((r) => r)
      let killed = false
      await eventually(async () => {
        const { rows } = await holder.raw(
          `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND wait_event_type = 'Lock'`
        )
        killed = rows.some((row: { done: boolean }) => row.done)
        return killed
      })
      assert.isTrue(killed, 'the waiting cancel was not found')

      const blip = await pending
      blip.assertStatus(503)
      assert.equal(blip.header('retry-after'), '2')
      assert.equal(blip.body().errors[0].code, 'E_SERVICE_UNAVAILABLE')
    } finally {
      await holder.rollback()
      await direct.destroy()
    }

    // Nothing was half-done, and the app recovers by itself.
    assert.equal(await stockOf(product.id), 3)
    const retried = await client.post(`/api/orders/${orderId}/cancel`).bearerToken(token)
    retried.assertStatus(200)
    assert.equal(retried.body().data.status, 'cancelled')
    assert.equal(await stockOf(product.id), 5)
    assert.equal(await ledgerSum(product.id), 5)
  }).timeout(30_000)
})
