import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, markPaid, putInCart } from '#tests/helpers/commerce'

/** Values no field expects, in every JSON type. */
const HOSTILE = [
  null,
  true,
  -1,
  0,
  1e308,
  2 ** 53 + 1,
  '',
  ' ',
  'x'.repeat(5000),
  '\u0000\u202e<script>alert(1)</script>',
  "' OR 1=1 --",
  [],
  [1, 2],
  {},
  { $gt: '' },
]

const FIELDS = [
  'email',
  'password',
  'current_password',
  'full_name',
  'role',
  'phone',
  'business_name',
  'gstin',
  'product_id',
  'quantity',
  'shipping_address',
  'razorpay_order_id',
  'razorpay_payment_id',
  'razorpay_signature',
  'title',
  'description',
  'price_paise',
  'mrp_paise',
  'stock',
  'category_id',
  'gst_rate',
  'is_active',
  'rating',
  'comment',
  'name',
  'parent_id',
  'token',
]

const QUERY_KEYS = [
  'page',
  'per_page',
  'search',
  'category',
  'sort',
  'min_price',
  'max_price',
  'in_stock',
  'status',
  'seller',
  'tree',
  'role',
  'is_active',
  'customer_id',
  'number',
]

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function sequence(seed: number) {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

test.group('Robustness: hostile input never gets a 5xx', (group) => {
  group.each.setup(() => resetState())

  test('every API route, every role, garbage bodies, params and query strings', async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const customer = await createCustomer()
    const product = await createProduct({ stock: 50 }, seller)
    await putInCart(customer, product, 2)
    const customerToken = await tokenFor(customer)
    const order = (
      await client
        .post('/api/orders')
        .bearerToken(customerToken)
        .json({ shipping_address: ADDRESS })
    ).body().data
    await markPaid(order.id)
    const tokens = [
      null,
      customerToken,
      await tokenFor(seller),
      await tokenFor(await createAdmin()),
    ]
    const realIds: Record<string, string> = {
      id: String(order.id),
      item: String(order.items[0].id),
      product: product.slug,
      category: String(product.categoryId),
      image: '1',
    }

    const routes = Object.values(router.toJSON())
      .flat()
      .filter((route) => route.pattern.startsWith('/api/') && route.pattern !== '/api/*')
    assert.isAbove(routes.length, 30)

    const random = sequence(42)
    const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]
    const failures: string[] = []
    const statuses: Record<number, number> = {}
    const requests: Array<() => Promise<void>> = []

    for (const route of routes) {
      for (const method of route.methods.filter((m) => m !== 'HEAD')) {
        for (let round = 0; round < 12; round++) {
          const path = route.pattern.replace(/:(\w+)/g, (_, name: string) =>
            round === 0
              ? (realIds[name] ?? '1')
              : encodeURIComponent(String(pick([...HOSTILE, realIds[name] ?? '1'])))
          )
          const body =
            round === 0
              ? {}
              : Object.fromEntries(
                  FIELDS.filter(() => random() < 0.4).map((field) => [field, pick(HOSTILE)])
                )
          const qs = Object.fromEntries(
            QUERY_KEYS.filter(() => random() < 0.3).map((key) => [key, String(pick(HOSTILE))])
          )
          const token = pick(tokens)
          requests.push(async () => {
            const request = client.request(path, method as 'GET').qs(qs)
            if (token) request.bearerToken(token)
            if (method !== 'GET') request.json(body)
            const response = await request
            statuses[response.status()] = (statuses[response.status()] ?? 0) + 1
            if (response.status() >= 500) {
              failures.push(
                `${method} ${path} ${JSON.stringify(body).slice(0, 200)} → ${response.status()} ${response.text().slice(0, 200)}`
              )
            } else if (response.status() >= 400) {
              const errors = response.body()?.errors
              if (!Array.isArray(errors) || typeof errors[0]?.message !== 'string') {
                failures.push(`${method} ${path} → ${response.status()} without the error shape`)
              }
            }
          })
        }
      }
    }

    // A few at a time: enough concurrency to mix requests, not enough to starve the pool.
    for (let i = 0; i < requests.length; i += 8) {
      await Promise.all(requests.slice(i, i + 8).map((send) => send()))
    }
    assert.deepEqual(failures, [])
    // The run must have reached real handlers, not only been turned away at the door.
    assert.isAbove(statuses[200] ?? 0, 10)
    assert.isAbove(statuses[422] ?? 0, 80)
  }).timeout(180_000)
})
