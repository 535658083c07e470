import { test } from '@japa/runner'
import queue from '@rlanz/bull-queue/services/main'
import SendMailJob from '#jobs/send_mail_job'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller } from '#tests/helpers/users'
import {
  closeBackgroundResources,
  createGstSeller,
  createPaidOrder,
  startBackground,
  waitUntil,
} from '#tests/helpers/jobs'

test.group('Panel / failed jobs', (group) => {
  let background: Awaited<ReturnType<typeof startBackground>>
  group.setup(async () => {
    background = await startBackground()
    return async () => {
      await background.stop()
      await closeBackgroundResources()
    }
  })
  group.each.setup(async () => {
    await resetState()
    background.catcher.clear()
  })

  test('an admin sees a job that failed for good and retries it from the panel', async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
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
      { queueName: 'mail', jobId: 'panel-failed-test', attempts: 1 }
    )
    await waitUntil(
      async () => (await queue.get('mail')!.getFailedCount()) === 1,
      10_000,
      'the job to fail'
    )

    const page = await client.get('/panel/admin/jobs').withGuard('web').loginAs(admin)
    page.assertStatus(200)
    assert.include(page.text(), 'send_mail_job')
    assert.include(page.text(), 'panel-failed-test')
    assert.match(page.text(), /451|Greylisted|rejected/i)

    const seller2 = await createSeller('approved')
    ;(await client.get('/panel/admin/jobs').withGuard('web').loginAs(seller2)).assertStatus(403)

    const retried = await client
      .post('/panel/admin/jobs/retry')
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({ id: 'panel-failed-test' })
      .redirects(0)
    retried.assertStatus(302)
    retried.assertFlashMessage('success', '1 job queued again.')
    const [mail] = await background.catcher.waitFor(1, 10_000)
    assert.equal(mail.subject, `Payment for order ${order.number} did not go through`)
    assert.equal(await queue.get('mail')!.getFailedCount(), 0)

    const empty = await client.get('/panel/admin/jobs').withGuard('web').loginAs(admin)
    assert.include(empty.text(), 'No failed jobs.')
  })
})
