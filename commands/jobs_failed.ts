import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Jobs that failed for good (all attempts used), across every queue. */
export default class JobsFailed extends BaseCommand {
  static commandName = 'jobs:failed'
  static description = 'List background jobs that failed for good'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'How many (newest first, all queues)', default: 50 })
  declare limit: number

  @flags.boolean({ description: 'Print JSON instead of a table' })
  declare json: boolean

  async run() {
    const { listFailedJobs } = await import('#services/queue/admin')
    const jobs = await listFailedJobs({ limit: this.limit })
    if (this.json) {
      this.logger.log(JSON.stringify(jobs, null, 2))
      return
    }
    await this.#reportStuckMails()
    if (jobs.length === 0) {
      this.logger.success('No failed jobs')
      return
    }
    const table = this.ui.table()
    table.head(['Id', 'Queue', 'Job', 'Attempts', 'Failed at', 'Reason', 'Payload'])
    for (const job of jobs) {
      table.row([
        job.id,
        job.queue,
        job.job,
        String(job.attempts),
        job.failedAt?.toISOString() ?? '',
        job.reason.slice(0, 80),
        JSON.stringify(job.data).slice(0, 80),
      ])
    }
    table.render()
    this.logger.info('Retry with `node ace jobs:retry --all` or `node ace jobs:retry <id> …`')
  }

  /** Mails a dead worker left claimed: sent again by the next run of their job. */
  async #reportStuckMails() {
    const { countStuckMailClaims, mailLedger } = await import('#services/messaging/mail_ledger')
    const stuck = await countStuckMailClaims()
    if (stuck === 0) return
    this.logger.warning(
      `${stuck} mail(s) claimed over ${mailLedger.leaseSeconds}s ago and never confirmed sent; ` +
        'the next run of their job sends them again (see /health/ready)'
    )
  }
}
