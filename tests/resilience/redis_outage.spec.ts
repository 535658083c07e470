import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { MailCatcher } from '../../bin/mail_catcher.js'
import { resetState } from '#tests/helpers/database'
import { createCustomer } from '#tests/helpers/users'
import { Stack, childEnv, freePort, waitFor } from '#tests/helpers/stack'
import {
  attemptLogin,
  payOrders,
  readiness,
  subjectCounts,
  twoSellers,
  type LoginAttempt,
} from '#tests/helpers/drill'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test.group('Resilience / Redis outage', (group) => {
  let stack: Stack
  let catcher: MailCatcher
  let redis: Awaited<ReturnType<Stack['redis']>>
  let url: string
  let env: NodeJS.ProcessEnv

  group.setup(async () => {
    await resetState()
    stack = await new Stack().open()
    await stack.guard(async () => {
      catcher = await stack.mailCatcher()
      redis = await stack.redis()
      const port = await freePort()
      env = childEnv({
        PORT: port,
        HOST: '127.0.0.1',
        APP_URL: `http://127.0.0.1:${port}`,
        REDIS_PORT: redis.port,
        REDIS_DB: 0,
        LIMITER_STORE: 'redis',
        // The drill logs in every second; limits have their own spec.
        AUTH_RATE_LIMIT_PER_MINUTE: 1000,
        OUTBOX_SWEEP_SECONDS: 1,
        OUTBOX_LEASE_SECONDS: 5,
        MAIL_CLAIM_LEASE_SECONDS: 5,
      })
      url = (await stack.server(env)).url
      await stack.worker(env)
      await waitFor(
        async () => (await readiness(url)).checks.schedules === 'ok',
        60_000,
        'worker scheduled its sweeps'
      )
    })
    return () => stack.close()
  })

  test('Redis frozen, then down for 15 s: login never hangs or fails, and works after', async ({
    assert,
  }) => {
    const user = await createCustomer()
    assert.equal((await attemptLogin(url, user.email)).status, 200)

    redis.freeze()
    const frozen = await attemptLogin(url, user.email)
    redis.thaw()
    assert.equal(frozen.status, 200, 'login while Redis is frozen')
    assert.isBelow(frozen.ms, 4000, 'no waiting out the freeze')

    await redis.stop()
    const during: LoginAttempt[] = []
    const downSince = Date.now()
    while (Date.now() - downSince < 15_000) {
      during.push(await attemptLogin(url, user.email))
      await sleep(1000)
    }
    await redis.start()
    assert.deepEqual(
      during.filter((attempt) => attempt.status !== 200 || attempt.ms > 4000),
      [],
      'every login during the outage answered promptly'
    )

    const back = Date.now()
    await waitFor(
      async () => (await attemptLogin(url, user.email)).status === 200,
      5000,
      'login after Redis is back'
    )
    assert.isBelow(Date.now() - back, 5000)
  })

  test('orders paid across a Redis outage get their invoices and one confirmation each; the lost schedules come back', async ({
    assert,
  }) => {
    catcher.clear()
    const sellers = await twoSellers()
    await waitFor(async () => (await readiness(url)).checks.schedules === 'ok', 20_000, 'schedules')

    await redis.stop()
    const orders = await payOrders(3, sellers)
    await sleep(15_000)
    // Back empty: no schedules, no queued jobs.
    await redis.start()

    const ready = await waitFor(
      async () => {
        const health = await readiness(url)
        return health.checks.schedules === 'ok' ? health : null
      },
      20_000,
      'schedules restored by the worker'
    )
    assert.deepEqual(ready.details.missingSchedules, [])

    // Per order: one confirmation and one new-order mail per seller.
    await catcher.waitFor(orders.length * 3, 60_000)
    await sleep(2000)
    const subjects = subjectCounts(catcher.messages)
    for (const order of orders) {
      assert.equal(
        subjects.get(`Order ${order.number} confirmed`),
        1,
        `confirmation of ${order.number}`
      )
      assert.equal(subjects.get(`New order ${order.number}: 1 item(s) to ship`), 2)
      const invoices = await db
        .from('invoices')
        .where('order_id', order.id)
        .whereNotNull('generated_at')
      assert.lengthOf(invoices, 2)
    }
    assert.lengthOf(catcher.messages, orders.length * 3)
  })

  test('jobs queued when Redis restarts empty still complete', async ({ assert }) => {
    catcher.clear()
    const sellers = await twoSellers()
    const [worker] = stack.children('worker')
    await stack.stop(worker)

    const orders = await payOrders(3, sellers)
    // Queued (dispatched by the outbox) while no worker runs…
    await stack.aceRun(['outbox:flush'], env)
    // …then Redis restarts without them.
    await redis.stop()
    await redis.start()
    await stack.worker(env)

    await catcher.waitFor(orders.length * 3, 60_000)
    await sleep(2000)
    const subjects = subjectCounts(catcher.messages)
    for (const order of orders) {
      assert.equal(subjects.get(`Order ${order.number} confirmed`), 1)
      assert.lengthOf(await db.from('invoices').where('order_id', order.id), 2)
    }
    assert.lengthOf(catcher.messages, orders.length * 3)
    await waitFor(
      async () => (await db.from('outbox_events').whereNull('completed_at')).length === 0,
      10_000,
      'every outbox event completed'
    )
  })
})
