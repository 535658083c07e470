import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import redis from '@adonisjs/redis/services/main'
import { forgetWordCorrections } from '#services/catalog/search_query'

let tables: string[] | undefined

/**
 * Empties every application table and the test Redis database (rate-limit
 * counters, caches, queues) so each
 * test starts from nothing. Truncation rather than a wrapping transaction,
 * because checkout and payment code opens transactions of its own and is
 * tested under real concurrency.
 */
export async function resetState() {
  tables ??= (
    await db
      .from('pg_tables')
      .where('schemaname', 'public')
      .whereNotIn('tablename', ['adonis_schema', 'adonis_schema_versions'])
      .select('tablename')
  ).map((row) => `"${row.tablename}"`)
  if (tables.length) await db.rawQuery(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`)
  await limiter.clear()
  // limiter.clear() only flushes stores already used in this process; queues
  // (BullMQ keys) must go too, whatever ran first. The test Redis db only.
  await redis.flushdb()
  // Spelling corrections cached in this process refer to the words just truncated.
  forgetWordCorrections()
}

export async function countRows(table: string) {
  const [row] = await db.from(table).count('* as total')
  return Number(row.total)
}
