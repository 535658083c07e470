import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import ExpireUnpaidOrdersJob from '#jobs/expire_unpaid_orders_job'
import RetryRefundsJob from '#jobs/retry_refunds_job'
import ReconcileAuthorizedPaymentsJob from '#jobs/reconcile_authorized_payments_job'
import { scheduleRepeatableJobs } from '#services/queue/schedules'
import { resetState } from '#tests/helpers/database'

async function defaultQueue() {
  return (await app.container.make('rlanz/queue')).getOrSet('default')
}

/** What fires on its own: scheduler id, interval and the job module it runs. */
async function schedulers() {
  const found = await (await defaultQueue()).getJobSchedulers()
  return found.map((scheduler) => `${scheduler.key} ${scheduler.every} ${scheduler.name}`)
}

const EXPECTED = [
  `expire-unpaid-orders 60000 ${ExpireUnpaidOrdersJob.$$filepath}`,
  `retry-refunds 60000 ${RetryRefundsJob.$$filepath}`,
  `reconcile-authorized-payments 60000 ${ReconcileAuthorizedPaymentsJob.$$filepath}`,
]

test.group('Repeatable jobs', (group) => {
  group.each.setup(() => resetState())

  test('order expiry, refund retries and payment reconciliation each run every minute, scheduled once', async ({
    assert,
  }) => {
    await scheduleRepeatableJobs()
    await scheduleRepeatableJobs()
    assert.sameMembers(await schedulers(), EXPECTED)
  })

  test('a scheduler left by an earlier release is removed, so it stops firing', async ({
    assert,
  }) => {
    const queue = await defaultQueue()
    await queue.upsertJobScheduler('order-sweeps', { every: 60_000 }, { name: 'retired', data: {} })
    await scheduleRepeatableJobs()
    assert.sameMembers(await schedulers(), EXPECTED)
  })
})
