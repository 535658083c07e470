import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { MailCatcher } from '../../bin/mail_catcher.js'
import { resetState } from '#tests/helpers/database'
import { Stack, childEnv, freePort, waitFor } from '#tests/helpers/stack'
import {
  invoiceSequencesBySeller,
  payOrders,
  subjectCounts,
  twoSellers,
} from '#tests/helpers/drill'

const ORDERS = 8

test.group('Resilience / worker killed', (group) => {
  let stack: Stack
  let catcher: MailCatcher
  let env: NodeJS.ProcessEnv

  group.setup(async () => {
    await resetState()
    stack = await new Stack().open()
    await stack.guard(async () => {
      catcher = await stack.mailCatcher()
      const redis = await stack.redis()
      const port = await freePort()
      env = childEnv({
        PORT: port,
        APP_URL: `http://127.0.0.1:${port}`,
        REDIS_PORT: redis.port,
        REDIS_DB: 0,
        OUTBOX_SWEEP_SECONDS: 1,
        OUTBOX_LEASE_SECONDS: 10,
        // A dead worker's jobs are taken over after 10 s instead of 30 s. The mail
        // lease must be longer: a job wrongly taken over as stalled while its
        // worker, slowed down, is still sending must not send the mail again.
        QUEUE_STALLED_SECONDS: 10,
        MAIL_CLAIM_LEASE_SECONDS: 20,
      })
    })
    return () => stack.close()
  })

  test('kill -9 mid-invoice: every order invoiced once with consecutive numbers, every mail sent, one confirmation each', async ({
    assert,
  }) => {
    const sellers = await twoSellers()
    const worker = await stack.worker(env)
    const orders = await payOrders(ORDERS, sellers)

    // Mid-way: invoices being numbered and rendered, mails going out.
    await waitFor(
      async () => (await db.from('invoices').whereNotNull('generated_at')).length > 0,
      60_000,
      'the first invoice'
    )
    await stack.stop(worker, 'SIGKILL', 0)
    assert.isBelow(
      (await db.from('invoices').whereNotNull('generated_at')).length,
      ORDERS * 2,
      'killed before it finished'
    )
    await stack.worker(env)

    // One confirmation per order, one new-order mail per seller per order.
    await catcher.waitFor(ORDERS * 3, 100_000)
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const subjects = subjectCounts(catcher.messages)
    for (const order of orders) {
      assert.equal(subjects.get(`Order ${order.number} confirmed`), 1, order.number)
      assert.equal(subjects.get(`New order ${order.number}: 1 item(s) to ship`), 2, order.number)
      const invoices = await db.from('invoices').where('order_id', order.id)
      assert.lengthOf(invoices, 2, `invoices of ${order.number}`)
    }
    assert.lengthOf(catcher.messages, ORDERS * 3)
    for (const [, sequences] of await invoiceSequencesBySeller()) {
      assert.deepEqual(
        sequences,
        Array.from({ length: ORDERS }, (_, i) => i + 1)
      )
    }
    const unsent = await db.from('sent_mails').whereNull('sent_at')
    assert.lengthOf(unsent, 0, 'no mail left claimed and unsent')
  })
})
