import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class PaymentsRetryRefunds extends BaseCommand {
  static commandName = 'payments:retry-refunds'
  static description =
    'Request refunds that are owed but could not be requested earlier (gateway outage)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: RetryRefunds } = await import('#actions/payments/retry_refunds')
    const retry = await this.app.container.make(RetryRefunds)
    const requested = await retry.handle()
    this.logger.success(`Requested ${requested} refund${requested === 1 ? '' : 's'}`)
  }
}
