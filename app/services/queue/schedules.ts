import app from '@adonisjs/core/services/app'
import ExpireUnpaidOrdersJob from '#jobs/expire_unpaid_orders_job'

/**
 * Repeatable jobs. BullMQ job schedulers are upserted by id, so every
 * worker can call this at start without creating duplicates.
 */
export async function scheduleRepeatableJobs() {
  const manager = await app.container.make('rlanz/queue')
  await manager.getOrSet('default').upsertJobScheduler(
    'expire-unpaid-orders',
    { every: 60_000 },
    {
      name: ExpireUnpaidOrdersJob.$$filepath,
      data: {},
      opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    }
  )
}
