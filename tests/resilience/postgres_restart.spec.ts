import { test } from '@japa/runner'
import knex, { type Knex } from 'knex'
import { ADDRESS } from '#tests/helpers/commerce'
import { Stack, childEnv, freePort, waitFor } from '#tests/helpers/stack'

const BUYERS = 4
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** JSON API call as a storefront makes it; network failures count as status 0. */
async function api(url: string, method: string, path: string, body?: unknown, token?: string) {
  try {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        'accept': 'application/json',
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  } catch {
    return { status: 0, body: null }
  }
}

/** Stock minus what the ledger explains, per product: must not move, whatever happens. */
async function unexplainedStock(database: Knex) {
  const { rows } = await database.raw(
    `SELECT p.id, p.stock - COALESCE(SUM(m.delta), 0) AS gap
       FROM products p LEFT JOIN stock_movements m ON m.product_id = p.id
      GROUP BY p.id ORDER BY p.id`
  )
  return rows.map((row: { id: number; gap: string }) => `${row.id}:${row.gap}`)
}

test.group('Resilience / PostgreSQL restart', (group) => {
  let stack: Stack
  let postgres: Awaited<ReturnType<Stack['postgres']>>
  let database: Knex
  let url: string

  group.setup(async () => {
    stack = await new Stack().open()
    await stack.guard(async () => {
      postgres = await stack.postgres()
      await postgres.createDatabase('meesho_drill')
      const redis = await stack.redis()
      const port = await freePort()
      const env = childEnv({
        PORT: port,
        APP_URL: `http://127.0.0.1:${port}`,
        DB_HOST: '127.0.0.1',
        DB_PORT: postgres.port,
        DB_USER: 'postgres',
        DB_PASSWORD: '',
        DB_DATABASE: 'meesho_drill',
        REDIS_PORT: redis.port,
        REDIS_DB: 0,
        AUTH_RATE_LIMIT_PER_MINUTE: 1000,
      })
      await stack.aceRun(['migration:run', '--force'], env)
      await stack.aceRun(['db:seed'], env)
      url = (await stack.server(env)).url
      database = knex({
        client: 'pg',
        connection: {
          host: '127.0.0.1',
          port: postgres.port,
          user: 'postgres',
          database: 'meesho_drill',
        },
        pool: { min: 0, max: 2 },
      })
      stack.onClose(() => database.destroy())
    })
    return () => stack.close()
  })

  test('restarted under checkout load: the app recovers by itself, no half-written order, stock matches its ledger', async ({
    assert,
  }) => {
    const listing = await api(url, 'GET', '/api/products?per_page=50')
    assert.equal(listing.status, 200)
    const products = (listing.body.data as Array<{ id: number }>).map((product) => product.id)
    const { rows: stocked } = await database.raw(
      'SELECT id FROM products WHERE id = ANY(?) AND stock >= 20 ORDER BY stock DESC LIMIT 5',
      [products]
    )
    assert.isAbove(stocked.length, 0)
    const before = await unexplainedStock(database)

    const tokens: string[] = []
    for (let i = 0; i < BUYERS; i++) {
      const registered = await api(url, 'POST', '/api/auth/register', {
        email: `drill-buyer-${i}@example.com`,
        password: 'kurti-fan-2026',
        full_name: `Drill Buyer ${i}`,
        role: 'customer',
      })
      assert.equal(registered.status, 201)
      tokens.push(registered.body.data.token.token)
    }

    const statuses = new Map<number, number>()
    let stop = false
    const shop = async (token: string, n: number) => {
      while (!stop) {
        const productId = stocked[n % stocked.length].id
        const added = await api(
          url,
          'POST',
          '/api/cart',
          { product_id: productId, quantity: 1 },
          token
        )
        statuses.set(added.status, (statuses.get(added.status) ?? 0) + 1)
        const placed = await api(url, 'POST', '/api/orders', { shipping_address: ADDRESS }, token)
        statuses.set(placed.status, (statuses.get(placed.status) ?? 0) + 1)
        if (added.status === 0 || placed.status === 0 || placed.status >= 500) await sleep(200)
      }
    }
    const shoppers = tokens.map((token, n) => shop(token, n))
    await sleep(3000)
    await postgres.stop()
    await sleep(3000)
    await postgres.start()
    await sleep(3000)
    stop = true
    await Promise.all(shoppers)

    // Recovered without a restart of the app: checkout answers for real again (an order, or a
    // clean 409 once the load has sold the stock out), not 503.
    await waitFor(
      async () => {
        await api(url, 'POST', '/api/cart', { product_id: stocked[0].id, quantity: 1 }, tokens[0])
        const placed = await api(
          url,
          'POST',
          '/api/orders',
          { shipping_address: ADDRESS },
          tokens[0]
        )
        return placed.status > 0 && placed.status < 500
      },
      15_000,
      'checkout answering after the restart'
    )
    assert.isAbove(statuses.get(201) ?? 0, 0, 'orders went through under load')
    assert.isAbove(statuses.get(503) ?? 0, 0, 'requests during the restart got 503')

    const { rows: halfWritten } = await database.raw(
      `SELECT o.id FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
        GROUP BY o.id
       HAVING COUNT(i.id) = 0 OR o.subtotal_paise <> COALESCE(SUM(i.line_total_paise), 0)
           OR o.total_paise <> o.subtotal_paise + o.shipping_paise`
    )
    assert.deepEqual(halfWritten, [], 'every order complete and adding up')
    assert.deepEqual(await unexplainedStock(database), before, 'stock still equals its ledger')
  })
})
