import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ConflictError } from '#exceptions/domain_errors'
import { canSupplyTo, sellerState } from '#services/tax/gst'

/**
 * Checkout's GST check: a seller without a GSTIN may sell only within its
 * own state (`canSupplyTo`). One 409 names every line it blocks and the
 * seller's state, so the customer knows which products to remove.
 */
export async function assertSuppliable(
  client: QueryClientContract,
  lines: Array<{ productId: number; title: string; sellerId: number }>,
  toState: string | null | undefined
) {
  const sellerIds = [...new Set(lines.map((line) => line.sellerId))]
  const sellers = await client
    .from('seller_profiles')
    .whereIn('user_id', sellerIds)
    .select('user_id', 'gstin', 'state')
  const byId = new Map(sellers.map((seller) => [seller.user_id as number, seller]))
  const problems = lines.flatMap((line) => {
    const seller = byId.get(line.sellerId)
    if (!seller || canSupplyTo(seller, toState)) return []
    const state = sellerState(seller.state, seller.gstin) ?? 'its own state'
    return [
      {
        message: `“${line.title}” is sold by a seller not registered under GST, who may ship only within ${state}`,
        field: `product_${line.productId}`,
        code: 'E_SELLER_INTRA_STATE_ONLY',
      },
    ]
  })
  if (problems.length) throw ConflictError.listing(problems, 'E_SELLER_INTRA_STATE_ONLY')
}
