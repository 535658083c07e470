import { test } from '@japa/runner'
import { appUrl } from '#config/app'
import queue from '@rlanz/bull-queue/services/main'
import SendMailJob from '#jobs/send_mail_job'
import { createAdmin, createCustomer, createSeller } from '#tests/helpers/users'
import { createGstSeller, createPaidOrder, useBackground, waitUntil } from '#tests/helpers/jobs'

test.group('Panel / failed jobs', (group) => {
  const background = useBackground(group)

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

  test('the failed list is paged, newest first across queues, and keeps its place after a retry', async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
    // A missing order fails the mail job at once; one attempt each.
    for (let i = 1; i <= 27; i++) {
      await queue.dispatch(
        SendMailJob,
        { mail: 'payment_failed', orderId: 900_000 + i },
        { queueName: i % 2 ? 'mail' : 'default', jobId: `paged-${i}`, attempts: 1 }
      )
      // Distinct failure times, so "newest first" is observable.
      await waitUntil(
        async () =>
          (await queue.get('mail')!.getFailedCount()) +
            (await queue.get('default')!.getFailedCount()) ===
          i,
        10_000,
        `job ${i} to fail`
      )
    }

    const first = await client.get('/panel/admin/jobs').withGuard('web').loginAs(admin)
    first.assertStatus(200)
    assert.include(first.text(), 'Page 1 of 2 · 27 in all')
    assert.include(first.text(), 'Retry all 27')
    const ids = (html: string) => [...html.matchAll(/id="job-\w+-(paged-\d+)"/g)].map((m) => m[1])
    const firstIds = ids(first.text())
    assert.lengthOf(firstIds, 25)
    assert.equal(firstIds[0], 'paged-27')
    assert.equal(firstIds[1], 'paged-26')
    assert.include(first.text(), 'href="?page=2"')

    const second = await client
      .get('/panel/admin/jobs')
      .qs({ page: 2 })
      .withGuard('web')
      .loginAs(admin)
    assert.include(second.text(), 'Page 2 of 2 · 27 in all')
    assert.deepEqual(ids(second.text()), ['paged-2', 'paged-1'])

    const retried = await client
      .post('/panel/admin/jobs/retry')
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .header('referer', `${appUrl}/panel/admin/jobs?page=2`)
      .form({ id: 'paged-1' })
      .redirects(0)
    retried.assertHeader('location', '/panel/admin/jobs?page=2')

    // A page past the end (the list shrank) shows the last page.
    const beyond = await client
      .get('/panel/admin/jobs')
      .qs({ page: 5 })
      .withGuard('web')
      .loginAs(admin)
    assert.include(beyond.text(), 'Page 2 of 2')
  })
})
