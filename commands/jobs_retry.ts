import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class JobsRetry extends BaseCommand {
  static commandName = 'jobs:retry'
  static description = 'Retry failed background jobs (by id, or all with --all)'
  static options: CommandOptions = { startApp: true }

  @args.spread({ description: 'Job ids (see jobs:failed)', required: false })
  declare ids?: string[]

  @flags.boolean({ description: 'Retry every failed job' })
  declare all: boolean

  async run() {
    if (!this.all && (!this.ids || this.ids.length === 0)) {
      this.logger.error('Give job ids or --all')
      this.exitCode = 1
      return
    }
    const { retryFailedJobs } = await import('#services/queue/admin')
    const retried = await retryFailedJobs(this.all ? undefined : this.ids)
    const missing = (this.ids ?? []).filter((id) => !retried.includes(id))
    for (const id of missing) this.logger.warning(`No failed job with id ${id}`)
    this.logger.success(
      `Retried ${retried.length} job(s)${retried.length ? `: ${retried.join(', ')}` : ''}`
    )
    if (missing.length > 0) this.exitCode = 1
  }
}
