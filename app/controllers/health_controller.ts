import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import outbox from '#services/queue/outbox'
import { missingSchedules } from '#services/queue/schedules'
import { countStuckMailClaims } from '#services/messaging/mail_ledger'

async function probe<T>(check: () => Promise<T>, timeoutMs = 1500): Promise<T | 'unavailable'> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)
      }),
    ])
  } catch {
    return 'unavailable'
  } finally {
    clearTimeout(timer)
  }
}

export default class HealthController {
  /** The process is up and serving. */
  async live() {
    return { status: 'ok' }
  }

  /**
   * Ready for traffic: PostgreSQL and Redis answer (else 503). The worker's
   * state is reported without failing readiness, since this process cannot
   * fix it: a missing repeatable-job schedule, outbox events queued but not
   * completed within their lease, mails claimed but never confirmed sent.
   */
  async ready({ response }: HttpContext) {
    const [database, cache] = await Promise.all([
      probe(async () => (await db.rawQuery('SELECT 1'), 'ok' as const)),
      probe(async () => (await redis.ping(), 'ok' as const)),
    ])
    const missing = cache === 'ok' ? await probe(missingSchedules) : 'unavailable'
    const [overdueOutboxEvents, stuckMailClaims] =
      database === 'ok'
        ? await Promise.all([probe(() => outbox.overdueCount()), probe(countStuckMailClaims)])
        : ['unavailable' as const, 'unavailable' as const]
    const schedules = missing === 'unavailable' ? missing : missing.length ? 'missing' : 'ok'
    const ok = database === 'ok' && cache === 'ok'
    const worker = schedules === 'ok' && overdueOutboxEvents === 0 && stuckMailClaims === 0
    return response.status(ok ? 200 : 503).send({
      status: ok ? (worker ? 'ok' : 'degraded') : 'unavailable',
      checks: { database, redis: cache, schedules },
      details: {
        missingSchedules: missing === 'unavailable' ? null : missing,
        overdueOutboxEvents: overdueOutboxEvents === 'unavailable' ? null : overdueOutboxEvents,
        stuckMailClaims: stuckMailClaims === 'unavailable' ? null : stuckMailClaims,
      },
    })
  }
}
