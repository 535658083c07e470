import db from '@adonisjs/lucid/services/db'

/** Above this many rows a list reports the planner's estimate instead of counting. */
export const EXACT_COUNT_LIMIT = 10_000

export type Total = { total: number; isEstimate: boolean }

/**
 * The number of products matching `where`, without scanning a million rows
 * on every page: the planner's row estimate when it is large (flagged as an
 * estimate), otherwise an exact count that stops after EXACT_COUNT_LIMIT + 1
 * rows, so even a badly underestimated filter costs at most that many index
 * entries.
 */
export async function countProducts(where: string, bindings: unknown[]): Promise<Total> {
  const sql = `SELECT 1 FROM products p WHERE ${where}`
  const estimate = await estimateProducts(where, bindings)
  if (estimate > EXACT_COUNT_LIMIT) return { total: estimate, isEstimate: true }

  const counted = await db.rawQuery(
    `SELECT count(*)::int AS total FROM (${sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) matched`,
    bindings
  )
  const exact = counted.rows[0].total as number
  if (exact > EXACT_COUNT_LIMIT) return { total: Math.max(estimate, exact), isEstimate: true }
  return { total: exact, isEstimate: false }
}

/** The planner's estimate of the products matching `where` (no rows are read). */
export async function estimateProducts(where: string, bindings: unknown[]): Promise<number> {
  const explained = await db.rawQuery(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM products p WHERE ${where}`,
    bindings
  )
  return Math.round(Number(explained.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']))
}
