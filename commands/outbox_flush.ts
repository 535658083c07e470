import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Dispatches pending outbox events now (the worker also does it periodically). */
export default class OutboxFlush extends BaseCommand {
  static commandName = 'outbox:flush'
  static description = 'Dispatch pending outbox events to the queue'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: outbox } = await import('#services/queue/outbox')
    const sent = await outbox.flush(10_000)
    const pending = await outbox.pendingCount()
    this.logger.info(`dispatched ${sent}, still pending ${pending}`)
    if (pending > 0) this.exitCode = 1
  }
}
