import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ConflictError, DomainError, FieldInvalidError } from '#exceptions/domain_errors'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

/**
 * Why a stock_movements row exists: a product's opening stock, a seller's or
 * admin's edit, an order reserving or releasing units. Rows are written only
 * by applyStockChanges below (there is no model to write them another way).
 */
export const STOCK_MOVEMENT_REASONS = [
  'initial',
  'adjustment',
  'order_reserved',
  'order_released',
] as const
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number]

/** The most a product can hold (validators and adjustments agree on it). */
export const MAX_STOCK = 1_000_000

export type StockChange = {
  productId: number
  delta: number
  reason: StockMovementReason
  referenceType: string
  referenceId: number
}

/**
 * Applies stock changes and writes each to the ledger, in the caller's
 * transaction: the one door every stock change goes through. Products are
 * updated in id order so two transactions touching the same products always
 * lock them in the same order and cannot deadlock. The UPDATE refuses to go
 * below zero, so even a caller that skipped its checks cannot oversell.
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

/**
 * A seller's (or admin's) stock edit, made against what the editor saw:
 * either the new `stock` with the `expected_stock` it was read as, or a
 * signed `stock_adjustment`.
 */
export type StockEdit = {
  stock?: number
  expected_stock?: number
  stock_adjustment?: number
}

/**
 * The ledger delta of a stock edit, decided against `current`, the stock
 * read under the product's row lock. A `stock` whose `expected_stock` is no
 * longer current is refused (409) rather than applied, so an edit made
 * while orders were being placed never overwrites those sales.
 */
export function stockEditDelta(current: number, edit: StockEdit) {
  if (edit.stock_adjustment !== undefined) {
    const target = current + edit.stock_adjustment
    if (target < 0) {
      throw new ConflictError(
        `Stock is ${current}: an adjustment of ${edit.stock_adjustment} would take it below zero`,
        'E_INSUFFICIENT_STOCK'
      )
    }
    if (target > MAX_STOCK) {
      throw new FieldInvalidError(
        'stock_adjustment',
        'max',
        `Stock is ${current}: an adjustment of ${edit.stock_adjustment} would take it above ${MAX_STOCK}`
      )
    }
    return edit.stock_adjustment
  }
  if (edit.stock === undefined) return 0
  if (edit.expected_stock !== current) {
    throw new DomainError(
      `Stock changed while you were editing: it is now ${current}, not ${edit.expected_stock}. ` +
        'Nothing was saved; check the stock and try again.',
      { status: 409, code: 'E_STOCK_CHANGED', field: 'expected_stock' }
    )
  }
  return edit.stock - current
}
