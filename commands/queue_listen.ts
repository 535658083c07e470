import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The worker: processes the queues, schedules the repeatable sweeps (order
 * expiry, refund retries) and re-dispatches outbox events left pending
 * while Redis was away.
 * Replaces @rlanz/bull-queue's own listener so the workers and the
 * browser can be closed on Ctrl-C.
 */
export default class QueueListen extends BaseCommand {
  static commandName = 'queue:listen'
  static description = 'Run the background worker (queues, outbox sweeper, repeatable jobs)'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.array({ alias: 'q', description: 'Queue(s) to listen on (default: all configured)' })
  declare queue?: string[]

  async run() {
    const { outboxSweepSeconds: seconds } = await import('#config/queue')
    const { QueueWorkers } = await import('#services/queue/workers')
    const { default: outbox } = await import('#services/queue/outbox')
    const { default: pdfRenderer } = await import('#services/invoices/pdf_renderer')
    const schedules = await import('#services/queue/schedules')

    const router = await this.app.container.make('router')
    router.commit()

    const workers = new QueueWorkers().start({ queueNames: this.queue })
    // Not awaited: with Redis down it would wait for the connection, and the
    // outbox sweeper below must start regardless.
    schedules
      .scheduleRepeatableJobs()
      .catch((error) =>
        this.logger.warning(`could not schedule repeatable jobs: ${(error as Error).message}`)
      )
    // A Redis that comes back empty has lost the schedules: put them back on
    // reconnect, and on every sweep in case the reconnect went unnoticed.
    // While Redis is away the check waits for it; one at a time.
    let checking = false
    const restoreSchedules = async () => {
      if (checking) return
      checking = true
      try {
        const restored = await schedules.restoreMissingSchedules()
        if (restored.length > 0) this.logger.warning(`restored schedule(s): ${restored.join(', ')}`)
      } catch (error) {
        this.logger.warning(`could not check repeatable jobs: ${(error as Error).message}`)
      } finally {
        checking = false
      }
    }
    schedules.onScheduleConnectionReady(() => void restoreSchedules()).catch(() => {})

    let sweeping = false
    const sweep = async () => {
      if (sweeping) return
      sweeping = true
      try {
        const sent = await outbox.flush()
        if (sent > 0) this.logger.info(`outbox: dispatched ${sent} pending event(s)`)
        void restoreSchedules()
      } finally {
        sweeping = false
      }
    }
    void sweep()
    const timer = setInterval(sweep, seconds * 1000)
    this.logger.info(`worker ready; outbox sweep every ${seconds}s`)

    let stopping = false
    const stop = async () => {
      if (stopping) return
      stopping = true
      clearInterval(timer)
      this.logger.info('worker stopping…')
      await workers.close()
      await pdfRenderer.close()
      await this.terminate()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
}
