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
async function scheduleQueue() {
  return (await app.container.make('rlanz/queue')).getOrSet(QUEUE)
}

export async function scheduleRepeatableJobs() {
  const queue = await scheduleQueue()
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

/** Scheduler ids that should exist and do not (Redis restarted without its data). */
export async function missingSchedules() {
  const present = new Set((await (await scheduleQueue()).getJobSchedulers()).map((s) => s.key))
  return SCHEDULES.map(({ id }) => id).filter((id) => !present.has(id))
}

/**
 * Puts back schedules a Redis restart lost; run by the worker whenever its
 * Redis connection is ready again and on its sweep timer. Returns the ids
 * it had to restore.
 */
export async function restoreMissingSchedules() {
  const missing = await missingSchedules()
  if (missing.length > 0) await scheduleRepeatableJobs()
  return missing
}

/** Calls `listener` every time the schedule queue's Redis connection is (re)established. */
export async function onScheduleConnectionReady(listener: () => void) {
  const client = await (await scheduleQueue()).client
  client.on('ready', listener)
}
