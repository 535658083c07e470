import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import outbox from '#services/queue/outbox'
import { mailLedger, countStuckMailClaims } from '#services/messaging/mail_ledger'
import { restoreMissingSchedules, scheduleRepeatableJobs } from '#services/queue/schedules'
import { createCustomer } from '#tests/helpers/users'
import { resetState } from '#tests/helpers/database'
import {
  closeBackgroundResources,
  createGstSeller,
  createPaidOrder,
  recordEvent,
  startBackground,
  useBackground,
  waitUntil,
} from '#tests/helpers/jobs'

const leases = { outbox: outbox.leaseSeconds, mail: mailLedger.leaseSeconds }

/** A claim as a worker killed mid-send leaves it: claimed, never confirmed sent. */
async function abandonedClaim(kind: string, entity: string, recipient: string, ageSeconds: number) {
  const [row] = await db
    .table('sent_mails')
    .insert({
      kind,
      entity,
      recipient,
      claimed_at: new Date(Date.now() - ageSeconds * 1000),
    })
    .returning('id')
  return Number(row.id)
}

test.group('Jobs / recovery after Redis loses its data', (group) => {
  group.setup(() => closeBackgroundResources)
  group.each.setup(async () => {
    await resetState()
    return () => {
      outbox.leaseSeconds = leases.outbox
    }
  })

  test('jobs queued before Redis restarted empty still run: invoices and mails arrive', async ({
    assert,
  }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Gujarat', '24', 'Surat Sarees')
    const order = await createPaidOrder({
      customer,
      shippingState: 'Gujarat',
      lines: [{ seller, title: 'Kurta', unitPricePaise: 49_900, quantity: 1, gstRate: 5 }],
    })
    // Paid while no worker runs: the jobs wait in Redis…
    assert.equal(await recordEvent('order.paid', { orderId: order.id }), 1)
    // …and Redis comes back from a restart without them.
    await redis.flushdb()

    const background = await startBackground()
    try {
      // The worker's sweep, once the lease is over (0 s here).
      outbox.leaseSeconds = 0
      assert.equal(await outbox.flush(), 1, 'the lost event is queued again')
      const mails = await background.catcher.waitFor(2, 45_000)
      assert.sameMembers(
        mails.map((mail) => mail.subject),
        [`Order ${order.number} confirmed`, `New order ${order.number}: 1 item(s) to ship`]
      )
      assert.lengthOf(await db.from('invoices').where('order_id', order.id), 1)
      const events = await waitUntil(
        async () => {
          const rows = await db.from('outbox_events').orderBy('id')
          return rows.every((row) => row.completed_at) ? rows : null
        },
        10_000,
        'outbox events completed'
      )
      assert.sameMembers(events[0].completed_routes, ['invoices', 'seller_new_order'])

      // Finished events are not queued again, however old.
      assert.equal(await outbox.flush(), 0)
      await new Promise((resolve) => setTimeout(resolve, 1000))
      assert.lengthOf(background.catcher.messages, 2, 'each mail once')
    } finally {
      await background.stop()
    }
  })

  test('the repeatable sweeps lost with Redis are reported by /health/ready and restored', async ({
    client,
    assert,
  }) => {
    await scheduleRepeatableJobs()
    const before = await client.get('/health/ready')
    before.assertStatus(200)
    before.assertAgainstApiSpec()
    assert.equal(before.body().checks.schedules, 'ok')

    await redis.flushdb()
    const lost = await client.get('/health/ready')
    lost.assertStatus(200)
    lost.assertAgainstApiSpec()
    assert.equal(lost.body().status, 'degraded')
    assert.equal(lost.body().checks.schedules, 'missing')
    const everySchedule = ['expire-unpaid-orders', 'retry-refunds', 'reconcile-authorized-payments']
    assert.sameMembers(lost.body().details.missingSchedules, everySchedule)

    assert.sameMembers(await restoreMissingSchedules(), everySchedule)
    assert.deepEqual(await restoreMissingSchedules(), [])
    const back = await client.get('/health/ready')
    assert.equal(back.body().checks.schedules, 'ok')
    assert.deepEqual(back.body().details.missingSchedules, [])
  })
})

test.group('Jobs / mail claimed by a worker that died', (group) => {
  const background = useBackground(group)
  group.each.teardown(() => {
    mailLedger.leaseSeconds = leases.mail
  })

  test('a claim past its lease is sent again, with the Message-ID of its ledger row', async ({
    client,
    assert,
  }) => {
    const user = await createCustomer()
    const ledgerId = await abandonedClaim('welcome', `user:${user.id}`, user.email, 3600)
    assert.equal(await countStuckMailClaims(), 1)
    const health = await client.get('/health/ready')
    health.assertAgainstApiSpec()
    assert.equal(health.body().details.stuckMailClaims, 1)

    await recordEvent('user.registered', { userId: user.id })
    const [mail] = await background.catcher.waitFor(1, 20_000)
    assert.equal(mail.subject, 'Welcome to Meesho Marketplace')
    assert.equal(mail.messageId, `<mail-${ledgerId}@127.0.0.1>`)
    const row = await waitUntil(
      () => db.from('sent_mails').whereNotNull('sent_at').first(),
      5000,
      'mail confirmed sent'
    )
    assert.equal(Number(row.id), ledgerId)
    assert.equal(row.message_id, mail.messageId)
    assert.equal(await countStuckMailClaims(), 0)
  })

  test('a claim still within its lease is not skipped: the job waits for the lease, then sends', async ({
    assert,
  }) => {
    mailLedger.leaseSeconds = 3
    const user = await createCustomer()
    await abandonedClaim('welcome', `user:${user.id}`, user.email, 0)

    const started = Date.now()
    await recordEvent('user.registered', { userId: user.id })
    await background.catcher.waitFor(1, 20_000)
    assert.isAtLeast(Date.now() - started, 2500, 'not before the lease ran out')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    assert.lengthOf(background.catcher.messages, 1)
    assert.lengthOf(await db.from('sent_mails').whereNotNull('sent_at'), 1)
  })
})
