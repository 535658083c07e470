import app from '@adonisjs/core/services/app'
import ExpireUnpaidOrdersJob from '#jobs/expire_unpaid_orders_job'
import RetryRefundsJob from '#jobs/retry_refunds_job'
import ReconcileAuthorizedPaymentsJob from '#jobs/reconcile_authorized_payments_job'

const QUEUE = 'default'

/** Repeatable jobs by scheduler id. Each runs on its own, so one failing does not hold up the other. */
const SCHEDULES = [
  { id: 'expire-unpaid-orders', every: 60_000, job: ExpireUnpaidOrdersJob },
  { id: 'retry-refunds', every: 60_000, job: RetryRefundsJob },
  { id: 'reconcile-authorized-payments', every: 60_000, job: ReconcileAuthorizedPaymentsJob },
]

/**
 * BullMQ job schedulers are upserted by id, so every worker can call this
 * at start without creating duplicates. Schedulers under any other id are
 * left over from an earlier release (a renamed or retired job) and are
 * removed, or they would keep firing.
 */
export async function scheduleRepeatableJobs() {
  const manager = await app.container.make('rlanz/queue')
  const queue = manager.getOrSet(QUEUE)
  for (const { id, every, job } of SCHEDULES) {
    await queue.upsertJobScheduler(
      id,
      { every },
      {
        name: job.$$filepath,
        data: {},
        opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      }
    )
  }
  const current = new Set(SCHEDULES.map(({ id }) => id))
  for (const scheduler of await queue.getJobSchedulers()) {
    if (!current.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key)
  }
}
