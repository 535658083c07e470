import app from '@adonisjs/core/services/app'
import type { Job as BullJob } from 'bullmq'
import { jobLabel } from '#services/queue_workers'

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

/** Jobs that used up their attempts, newest first, across every queue. */
export async function listFailedJobs(limit = 100): Promise<FailedJob[]> {
  const rows: FailedJob[] = []
  for (const { name, queue } of await queues()) {
    const failed = (await queue.getFailed(0, limit - 1)) as BullJob[]
    for (const job of failed.filter(Boolean)) {
      rows.push({
        queue: name,
        id: String(job.id),
        job: jobLabel(job),
        attempts: job.attemptsMade,
        reason: job.failedReason ?? '',
        failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        data: visibleData(job.data ?? {}),
      })
    }
  }
  return rows.sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0))
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
