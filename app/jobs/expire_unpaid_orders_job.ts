import app from '@adonisjs/core/services/app'
import { Job } from '@rlanz/bull-queue'
import ExpireUnpaidOrders from '#actions/orders/expire_unpaid_orders'
import RetryRefunds from '#actions/payments/retry_refunds'

/**
 * Repeatable sweep (scheduled by `queue:listen`, every minute): expires
 * unpaid orders past ORDER_PAYMENT_TTL_MINUTES and releases their stock,
 * the same code as `node ace orders:expire`, then retries refunds a
 * gateway outage left unrequested (`node ace payments:retry-refunds`).
 */
export default class ExpireUnpaidOrdersJob extends Job {
  static get $$filepath() {
    return import.meta.url
  }

  async handle() {
    const expired = await new ExpireUnpaidOrders().handle()
    if (expired > 0) this.logger.info(`expired ${expired} unpaid order(s)`)
    const refunds = await (await app.container.make(RetryRefunds)).handle()
    if (refunds > 0) this.logger.info(`requested ${refunds} owed refund(s)`)
  }

  async rescue(_payload: unknown, error: Error) {
    this.logger.error(`order expiry sweep failed: ${error.message}`)
  }
}
