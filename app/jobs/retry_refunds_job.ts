import app from '@adonisjs/core/services/app'
import { Job } from '@rlanz/bull-queue'
import RetryRefunds from '#actions/payments/retry_refunds'

/**
 * Repeatable (every minute, app/services/queue/schedules.ts): requests the
 * refunds a gateway outage left unrequested, the same code as
 * `node ace payments:retry-refunds`.
 */
export default class RetryRefundsJob extends Job {
  static get $$filepath() {
    return import.meta.url
  }

  async handle() {
    const refunds = await (await app.container.make(RetryRefunds)).handle()
    if (refunds > 0) this.logger.info(`requested ${refunds} owed refund(s)`)
  }

  async rescue(_payload: unknown, error: Error) {
    this.logger.error(`refund retry sweep failed: ${error.message}`)
  }
}
