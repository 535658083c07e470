import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'

async function probe(check: () => Promise<unknown>, timeoutMs = 1500) {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)
      }),
    ])
    return 'ok'
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

  /** Ready for traffic: PostgreSQL and Redis answer. */
  async ready({ response }: HttpContext) {
    const [database, cache] = await Promise.all([
      probe(() => db.rawQuery('SELECT 1')),
      probe(() => redis.ping()),
    ])
    const ok = database === 'ok' && cache === 'ok'
    return response
      .status(ok ? 200 : 503)
      .send({ status: ok ? 'ok' : 'unavailable', checks: { database, redis: cache } })
  }
}
