import app from '@adonisjs/core/services/app'
import type { Job as BullJob } from 'bullmq'
import { jobLabel } from '#services/queue/workers'

export const QUEUE_NAMES = () => app.config.get<string[]>('queue.queueNames', ['default'])

export interface FailedJob {
  queue: string
  id: string
  job: string
  attempts: number
  reason: string
  failedAt: Date | null
  data: Record<string, unknown>
}

/** Payload as shown to operators: sealed secrets masked. */
function visibleData(data: Record<string, unknown>) {
  const copy = { ...data }
  if ('sealedToken' in copy) copy.sealedToken = '[sealed]'
  return copy
}

async function queues() {
  const manager = await app.container.make('rlanz/queue')
  return QUEUE_NAMES().map((name) => ({ name, queue: manager.getOrSet(name) }))
}

function toFailedJob(name: string, job: BullJob): FailedJob {
  return {
    queue: name,
    id: String(job.id),
    job: jobLabel(job),
    attempts: job.attemptsMade,
    reason: job.failedReason ?? '',
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    data: visibleData(job.data ?? {}),
  }
}

/**
 * One page of the jobs that used up their attempts, newest first across every
 * queue. Each queue keeps its failed jobs ordered by failure time, so the
 * newest `offset + limit` of each are enough to merge the page.
 */
export async function listFailedJobs({ limit = 100, offset = 0 } = {}): Promise<FailedJob[]> {
  const rows: FailedJob[] = []
  for (const { name, queue } of await queues()) {
    const failed = (await queue.getFailed(0, offset + limit - 1)) as BullJob[]
    for (const job of failed.filter(Boolean)) rows.push(toFailedJob(name, job))
  }
  return rows
    .sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0))
    .slice(offset, offset + limit)
}

/** How many failed jobs all queues hold. */
export async function countFailedJobs() {
  let total = 0
  for (const { queue } of await queues()) total += await queue.getFailedCount()
  return total
}

/** Moves failed jobs back to waiting (all of them, or the given ids). Returns the ids retried. */
export async function retryFailedJobs(ids?: string[]) {
  const retried: string[] = []
  for (const { queue } of await queues()) {
    const failed = ((await queue.getFailed(0, -1)) as BullJob[]).filter(Boolean)
    for (const job of failed) {
      if (ids && ids.length > 0 && !ids.includes(String(job.id))) continue
      await job.retry('failed')
      retried.push(String(job.id))
    }
  }
  return retried
}
