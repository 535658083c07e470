import app from '@adonisjs/core/services/app'
import { Job } from '@rlanz/bull-queue'

interface ExpireUnpaidOrdersAction {
  handle(): Promise<number>
}

// The action belongs to the orders area (it is also what `node ace orders:expire`
// runs). Imported through a variable so this job compiles on its own branch.
const ACTION = '#actions/orders/expire_unpaid_orders'

/**
 * Repeatable sweep (scheduled by `queue:listen`, every minute) that expires
 * unpaid orders past ORDER_PAYMENT_TTL_MINUTES and releases their stock:
 * the same code as `node ace orders:expire`.
 */
export default class ExpireUnpaidOrdersJob extends Job {
  static get $$filepath() {
    return import.meta.url
  }

  async handle() {
    const { default: Action } = (await import(ACTION)) as {
      default: new (...args: any[]) => ExpireUnpaidOrdersAction
    }
    const action = await app.container.make(Action)
    const expired = await action.handle()
    if (expired > 0) this.logger.info(`expired ${expired} unpaid order(s)`)
  }

  async rescue(_payload: unknown, error: Error) {
    this.logger.error(`order expiry sweep failed: ${error.message}`)
  }
}
