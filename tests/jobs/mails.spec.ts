import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import queue from '@rlanz/bull-queue/services/main'
import db from '@adonisjs/lucid/services/db'
import JobsFailed from '#commands/jobs_failed'
import JobsRetry from '#commands/jobs_retry'
import SendMailJob from '#jobs/send_mail_job'
import { createCustomer } from '#tests/helpers/users'
import {
  createGstSeller,
  createPaidOrder,
  recordEvent,
  useBackground,
  waitUntil,
} from '#tests/helpers/jobs'

const recipients = (mail: { to?: any }) => JSON.stringify(mail.to)

test.group('Jobs / mails are sent once, retried when they fail', (group) => {
  const background = useBackground(group)
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('a job retried after a partial failure sends each mail exactly once', async ({ assert }) => {
    const customer = await createCustomer()
    const first = await createGstSeller('Karnataka', '29', 'First Fabrics')
    const second = await createGstSeller('Karnataka', '29', 'Second Stitches')
    const order = await createPaidOrder({
      customer,
      lines: [
        { seller: first, title: 'Kurta', unitPricePaise: 79_900, quantity: 1, gstRate: 5 },
        { seller: second, title: 'Jutti', unitPricePaise: 59_900, quantity: 1, gstRate: 12 },
      ],
    })
    // The second seller's mail server refuses the first attempt (greylisting):
    // the job fails after the first seller's mail went out, and is retried.
    background.catcher.greylist(second.email)
    const job = await queue.dispatch(
      SendMailJob,
      { mail: 'seller_new_order', orderId: order.id },
      {
        queueName: 'mail',
        jobId: 'seller-mails-test',
        backoff: { type: 'exponential', delay: 500 },
      }
    )

    const mails = await background.catcher.waitFor(2, 30_000)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    assert.lengthOf(background.catcher.messages, 2)
    assert.include(recipients(mails[0]), first.email)
    assert.include(recipients(mails[1]), second.email)
    const finished = await queue.get('mail')!.getJob(job.id!)
    assert.equal(finished!.attemptsMade, 2, 'the job ran twice')
    assert.equal(await finished!.getState(), 'completed')

    // A worker that crashed after sending but before acknowledging gets the job
    // redelivered: it runs again, completes, and sends nothing new.
    const redelivered = await queue.dispatch(
      SendMailJob,
      { mail: 'seller_new_order', orderId: order.id },
      { queueName: 'mail', jobId: 'seller-mails-redelivered' }
    )
    await waitUntil(
      async () => (await redelivered.getState()) === 'completed',
      10_000,
      'the redelivered job'
    )
    assert.lengthOf(background.catcher.messages, 2)
    const ledger = await db.from('sent_mails').orderBy('id')
    assert.deepEqual(
      ledger.map((row) => [row.kind, row.recipient]),
      [
        ['seller_new_order', first.email],
        ['seller_new_order', second.email],
      ]
    )
  })

  test('a seller mail job that runs after the order was cancelled sends no "pack and ship"', async ({
    assert,
  }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Karnataka', '29', 'Too Late Textiles')
    const order = await createPaidOrder({
      customer,
      lines: [{ seller, title: 'Kurta', unitPricePaise: 79_900, quantity: 1, gstRate: 5 }],
    })
    // The customer cancelled while the job was still queued.
    await db
      .from('orders')
      .where('id', order.id)
      .update({ status: 'cancelled', cancelled_at: new Date() })
    const job = await queue.dispatch(
      SendMailJob,
      { mail: 'seller_new_order', orderId: order.id },
      { queueName: 'mail', jobId: 'seller-mail-after-cancel' }
    )
    await waitUntil(async () => (await job.getState()) === 'completed', 10_000, 'the mail job')
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(background.catcher.messages, 0)
    assert.lengthOf(await db.from('sent_mails'), 0)
  })

  test('a job that failed for good is listed by jobs:failed and sent by jobs:retry', async ({
    assert,
  }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Goa', '30', 'Goan Spices')
    const order = await createPaidOrder({
      customer,
      status: 'pending_payment',
      lines: [{ seller, title: 'Kokum', unitPricePaise: 24_900, quantity: 1, gstRate: 5 }],
    })
    background.catcher.greylist(customer.email)
    await queue.dispatch(
      SendMailJob,
      { mail: 'payment_failed', orderId: order.id },
      { queueName: 'mail', jobId: 'payment-failed-test', attempts: 1 }
    )
    await waitUntil(
      async () => (await queue.get('mail')!.getFailedCount()) === 1,
      10_000,
      'the job to fail'
    )

    const list = await ace.create(JobsFailed, ['--json'])
    await list.exec()
    list.assertSucceeded()
    const [failed] = JSON.parse(list.logger.getLogs()[0].message)
    assert.equal(failed.id, 'payment-failed-test')
    assert.equal(failed.queue, 'mail')
    assert.equal(failed.job, 'send_mail_job')
    assert.match(failed.reason, /451|Greylisted|rejected/i)
    assert.deepEqual(failed.data, { mail: 'payment_failed', orderId: order.id })
    assert.lengthOf(background.catcher.messages, 0)

    const unknown = await ace.create(JobsRetry, ['no-such-job'])
    await unknown.exec()
    unknown.assertFailed()

    const retry = await ace.create(JobsRetry, ['payment-failed-test'])
    await retry.exec()
    retry.assertSucceeded()
    const [mail] = await background.catcher.waitFor(1, 10_000)
    assert.equal(mail.subject, `Payment for order ${order.number} did not go through`)
    assert.include(mail.text!, '₹249.00')
    assert.equal(await queue.get('mail')!.getFailedCount(), 0)
  })

  test('shipped and delivered mails list only the items concerned, once', async ({ assert }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Assam', '18', 'Assam Tea House')
    const order = await createPaidOrder({
      customer,
      lines: [
        { seller, title: 'Assam tea 500 g', unitPricePaise: 45_000, quantity: 1, gstRate: 5 },
        { seller, title: 'Tea kettle', unitPricePaise: 89_900, quantity: 1, gstRate: 18 },
      ],
    })
    const [tea, kettle] = order.itemIds
    await recordEvent('order_item.shipped', { orderId: order.id, itemIds: [tea] })
    // Recorded twice (e.g. a replayed request): still one mail.
    await recordEvent('order_item.shipped', { orderId: order.id, itemIds: [tea] })
    await recordEvent('order_item.delivered', { orderId: order.id, itemIds: [kettle, tea] })

    const mails = await background.catcher.waitFor(2, 20_000)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    assert.lengthOf(background.catcher.messages, 2)
    const shipped = mails.find((m) => m.subject?.startsWith('Shipped'))!
    assert.equal(shipped.subject, `Shipped: 1 item(s) from order ${order.number}`)
    assert.include(shipped.text!, 'Assam tea 500 g')
    assert.notInclude(shipped.text!, 'Tea kettle')
    assert.include(recipients(shipped), customer.email)
    const delivered = mails.find((m) => m.subject?.startsWith('Delivered'))!
    assert.include(delivered.html as string, 'Tea kettle')
    assert.include(delivered.html as string, 'Assam tea 500 g')
  })
})
