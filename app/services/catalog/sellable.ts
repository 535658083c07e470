import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/**
 * Restricts a query over `products as p` to what a customer may buy: an
 * active product of an approved, active seller.
 */
export function wherePurchasable(query: DatabaseQueryBuilderContract<any>) {
  return query
    .where('p.is_active', true)
    .whereExists((sub) =>
      sub
        .from('seller_profiles as sp')
        .join('users as su', 'su.id', 'sp.user_id')
        .whereColumn('sp.user_id', 'p.seller_id')
        .where('sp.status', 'approved')
        .where('su.is_active', true)
    )
}
