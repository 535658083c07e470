import app from '@adonisjs/core/services/app'
import { Job } from '@rlanz/bull-queue'
import ReconcileAuthorizedPayments from '#actions/payments/reconcile_authorized_payments'

/**
 * Repeatable (app/services/queue/schedules.ts): settles payments stuck in
 * `authorized` past PAYMENT_RECONCILE_AFTER_MINUTES, captured or lapsed.
 */
export default class ReconcileAuthorizedPaymentsJob extends Job {
  static get $$filepath() {
    return import.meta.url
  }

  async handle() {
    const outcomes = await (await app.container.make(ReconcileAuthorizedPayments)).handle()
    if (outcomes.size > 0) this.logger.info(`reconciled ${outcomes.size} authorised payment(s)`)
  }

  async rescue(_payload: unknown, error: Error) {
    this.logger.error(`authorised-payment reconciliation failed: ${error.message}`)
  }
}
