import { DelayedError, Worker, type ConnectionOptions, type Job as BullJob } from 'bullmq'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import type { WorkerOptions } from 'bullmq'
import outbox from '#services/queue/outbox'

/**
 * Thrown by a job whose work is held by another attempt until `at` (ms):
 * the job waits until then without using up one of its attempts.
 */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly at: number
  ) {
    super(message)
  }
}

interface QueueConfig {
  queueNames?: string[]
  defaultConnection: ConnectionOptions
  worker: Partial<WorkerOptions>
}

/**
 * BullMQ workers running @rlanz/bull-queue jobs (the job name is the job
 * module's file URL, as the package dispatches them). The package's own
 * `process()` keeps its workers to itself, so they could not be closed;
 * these can, which lets `queue:listen` and the tests stop cleanly.
 */
export class QueueWorkers {
  #workers: Worker[] = []

  get running() {
    return this.#workers.length > 0
  }

  start(
    options: { queueNames?: string[]; connection?: ConnectionOptions; concurrency?: number } = {}
  ) {
    const config = app.config.get<QueueConfig>('queue')
    const queueNames = options.queueNames ?? config.queueNames ?? ['default']
    for (const queueName of queueNames) {
      const worker = new Worker(queueName, (job, token) => this.#run(job, token), {
        ...config.worker,
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        connection: options.connection ?? config.worker.connection ?? config.defaultConnection,
      })
      worker.on('failed', (job, error) => this.#failed(job, error))
      worker.on('error', (error) => logger.error('queue worker error: %s', error.message))
      this.#workers.push(worker)
      logger.info(`Queue [${queueName}] processing started`)
    }
    return this
  }

  async close() {
    const workers = this.#workers
    this.#workers = []
    await Promise.all(workers.map((worker) => worker.close()))
  }

  async #instantiate(job: BullJob) {
    const { default: JobClass } = await import(job.name)
    const instance = await app.container.make(JobClass)
    instance.$injectInternal({ job, logger })
    return instance
  }

  async #run(job: BullJob, token?: string) {
    const instance = await this.#instantiate(job)
    logger.info({ jobId: job.id, attempt: job.attemptsMade + 1 }, `job ${jobLabel(job)} started`)
    try {
      await app.container.call(instance, 'handle', [job.data])
    } catch (error) {
      if (!(error instanceof RetryLater)) throw error
      logger.info({ jobId: job.id }, `job ${jobLabel(job)} waits: ${error.message}`)
      await job.moveToDelayed(Math.max(error.at, Date.now() + 1000), token)
      throw new DelayedError()
    }
    // Before BullMQ marks it done: a crash in between re-runs an idempotent job.
    await outbox.complete(job.id)
    logger.info({ jobId: job.id }, `job ${jobLabel(job)} finished`)
  }

  async #failed(job: BullJob | undefined, error: Error) {
    if (!job) return
    const final = job.attemptsMade >= (job.opts.attempts ?? 1)
    logger.error(
      { jobId: job.id, attempt: job.attemptsMade, of: job.opts.attempts, final },
      `job ${jobLabel(job)} failed: ${error.message}`
    )
    if (!final) return
    try {
      const instance = await this.#instantiate(job)
      if (typeof instance.rescue === 'function') {
        await app.container.call(instance, 'rescue', [job.data, error])
      }
    } catch (rescueError) {
      logger.error('rescue of job %s failed: %s', job.id, (rescueError as Error).message)
    }
  }
}

/** `send_mail_job` instead of the full file URL in logs. */
export function jobLabel(job: { name: string }) {
  // Under `ace serve --hmr` the URL carries a `?hot-hook=…` query.
  return job.name
    .split('?')[0]
    .split('/')
    .pop()!
    .replace(/\.(ts|js)$/, '')
}
