import { Job } from '@rlanz/bull-queue'
import ExpireUnpaidOrders from '#actions/orders/expire_unpaid_orders'

/**
 * Repeatable (every minute, app/services/queue/schedules.ts): expires
 * unpaid orders past their payment window and releases their stock, the
 * same code as `node ace orders:expire`.
 */
export default class ExpireUnpaidOrdersJob extends Job {
  static get $$filepath() {
    return import.meta.url
  }

  async handle() {
    const expired = await new ExpireUnpaidOrders().handle()
    if (expired > 0) this.logger.info(`expired ${expired} unpaid order(s)`)
  }

  async rescue(_payload: unknown, error: Error) {
    this.logger.error(`order expiry sweep failed: ${error.message}`)
  }
}
