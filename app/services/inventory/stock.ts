import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { StockMovementReason } from '#models/stock_movement'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

export type StockChange = {
  productId: number
  delta: number
  reason: StockMovementReason
  referenceType: string
  referenceId: number
}

/**
 * Applies stock changes and writes each to the ledger, in the caller's
 * transaction. Products are updated in id order so two transactions
 * touching the same products always lock them in the same order and
 * cannot deadlock. The UPDATE refuses to go below zero, so even a caller
 * that skipped its checks cannot oversell.
 */
export async function applyStockChanges(trx: TransactionClientContract, changes: StockChange[]) {
  const ordered = [...changes].sort((a, b) => a.productId - b.productId)
  let inStockChanged = false
  for (const change of ordered) {
    const result = await trx.rawQuery(
      'UPDATE products SET stock = stock + ?, updated_at = now() WHERE id = ? AND stock + ? >= 0 RETURNING stock',
      [change.delta, change.productId, change.delta]
    )
    if (result.rows.length === 0) {
      throw new Error(`Stock of product ${change.productId} would go negative`)
    }
    await trx.table('stock_movements').insert({
      product_id: change.productId,
      delta: change.delta,
      reason: change.reason,
      reference_type: change.referenceType,
      reference_id: change.referenceId,
      stock_after: result.rows[0].stock,
    })
    const after = Number(result.rows[0].stock)
    if ((after === 0) !== (after - change.delta === 0)) inStockChanged = true
  }
  // Cached storefront lists are refreshed when a product sells out or comes
  // back; other stock counts in them may lag by the cache TTL (seconds).
  if (inStockChanged) trx.after('commit', bumpCatalogVersion)
}
