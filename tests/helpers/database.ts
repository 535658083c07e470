import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'

let tables: string[] | undefined

/**
 * Empties every application table and the test Redis database (rate-limit
 * counters, caches, queues: `limiter.clear()` flushes it) so each
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
}

export async function countRows(table: string) {
  const [row] = await db.from(table).count('* as total')
  return Number(row.total)
}
