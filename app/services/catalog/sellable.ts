import db from '@adonisjs/lucid/services/db'

/**
 * Whether a product may be listed, shown and bought. The rule lives in SQL
 * (`product_unsellable_reason`, migration 1600_sellable_products): active,
 * seller approved, seller account active. Triggers store its answer in
 * `products.is_visible`; code reads that column through these helpers and
 * never re-derives the rule.
 */

/** SQL condition: the product row under `alias` is sellable (matches the partial indexes). */
export function sellable(alias = 'p') {
  return `${alias}.is_visible`
}

export const UNSELLABLE_REASONS = ['inactive', 'seller_not_approved', 'seller_disabled'] as const
export type UnsellableReason = (typeof UNSELLABLE_REASONS)[number]

/** SQL expression: why the product row under `alias` is not sellable, NULL when it is. */
export function unsellableReason(alias = 'p') {
  return `product_unsellable_reason(${alias}.is_active, ${alias}.seller_id)`
}

/** What the panel says about a hidden product. */
export const UNSELLABLE_LABELS: Record<UnsellableReason, string> = {
  inactive: 'inactive',
  seller_not_approved: 'hidden: seller not approved',
  seller_disabled: 'hidden: seller account disabled',
}

/** Why each of these products is not sellable (null when it is), for the panel's lists. */
export async function unsellableReasons(productIds: number[]) {
  const reasons = new Map<number, UnsellableReason | null>()
  if (productIds.length === 0) return reasons
  const { rows } = await db.rawQuery(
    `SELECT p.id, ${unsellableReason('p')} AS reason FROM products p WHERE p.id = ANY(?::int[])`,
    [`{${productIds.join(',')}}`]
  )
  for (const row of rows) reasons.set(row.id, row.reason)
  return reasons
}
