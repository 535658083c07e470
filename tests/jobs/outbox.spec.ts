import { test } from '@japa/runner'
import { createServer } from 'node:net'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import outbox, { type Dispatcher } from '#services/queue/outbox'
import { createCustomer } from '#tests/helpers/users'
import { createGstSeller, createPaidOrder, useBackground, waitUntil } from '#tests/helpers/jobs'

/** A port nothing listens on: Redis "down" for whoever connects there. */
async function deadPort() {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** The app's own queue manager class, pointed at a Redis that does not answer. */
async function unreachableQueue() {
  const manager = await app.container.make('rlanz/queue')
  const QueueManager = manager.constructor as new (...args: any[]) => Dispatcher & {
    closeAll(): Promise<void>
  }
  const config = app.config.get<any>('queue')
  return new QueueManager(
    {
      ...config,
      defaultConnection: { ...config.defaultConnection, port: await deadPort() },
      queue: { ...config.queue },
    },
    logger,
    app
  )
}

test.group('Jobs / outbox survives a Redis outage', (group) => {
  const background = useBackground(group)
  group.each.setup(() => {
    outbox.dispatcher = null
  })

  test('events recorded while Redis is down are delivered once after recovery', async ({
    assert,
  }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Gujarat', '24', 'Surat Sarees')
    const order = await createPaidOrder({
      customer,
      shippingState: 'Gujarat',
      lines: [
        { seller, title: 'Georgette saree', unitPricePaise: 64_900, quantity: 1, gstRate: 5 },
      ],
    })

    const down = await unreachableQueue()
    outbox.dispatcher = down
    outbox.timeoutMs = 1000
    try {
      // The payment transaction commits; the queue is unreachable at that moment.
      const started = Date.now()
      const sent = await db
        .transaction((trx) => outbox.record(trx, 'order.paid', { orderId: order.id }))
        .then(() => outbox.flush())
      assert.equal(sent, 0)
      assert.isBelow(Date.now() - started, 5000, 'flush must not hang the request')
      const [row] = await db.from('outbox_events')
      assert.isNull(row.dispatched_at)
      assert.isAbove(row.attempts, 0)
      assert.match(row.last_error, /did not answer|ECONNREFUSED|Connection/i)

      // Still down at the next sweep: still pending, nothing lost.
      assert.equal(await outbox.flush(), 0)
      assert.equal(await outbox.pendingCount(), 1)
    } finally {
      outbox.dispatcher = null
      outbox.timeoutMs = 3000
      await Promise.race([down.closeAll(), new Promise((resolve) => setTimeout(resolve, 1000))])
    }

    // Redis is back: the worker's periodic sweep runs flush() again.
    assert.equal(await outbox.flush(), 1)
    assert.equal(await outbox.pendingCount(), 0)
    // A second sweep racing the first (or a redelivery) enqueues nothing new.
    await db.from('outbox_events').update({ dispatched_at: null })
    assert.equal(await outbox.flush(), 1)

    const mails = await background.catcher.waitFor(2, 45_000)
    await waitUntil(
      async () => (await db.from('invoices').whereNotNull('generated_at')).length === 1,
      10_000,
      'invoice'
    )
    await new Promise((resolve) => setTimeout(resolve, 1500))
    assert.lengthOf(background.catcher.messages, 2, 'each mail exactly once')
    assert.sameMembers(
      mails.map((mail) => mail.subject),
      [`Order ${order.number} confirmed`, `New order ${order.number}: 1 item(s) to ship`]
    )
    const invoices = await db.from('invoices').where('order_id', order.id)
    assert.lengthOf(invoices, 1)
    assert.equal(invoices[0].number, 'INV/26-27/000001')
  })
})
