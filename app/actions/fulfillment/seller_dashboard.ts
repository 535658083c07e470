import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'

export const LOW_STOCK_THRESHOLD = 5

/** The numbers a seller checks every morning, from its own items only. */
export default class SellerDashboard {
  async handle(seller: User) {
    const [revenue, byStatus, lowStock, pending] = await Promise.all([
      db
        .from('order_items as i')
        .join('orders as o', 'o.id', 'i.order_id')
        .where('i.seller_id', seller.id)
        .whereIn('o.status', ['paid', 'shipped', 'delivered'])
        .whereNot('i.fulfillment_status', 'cancelled')
        .where('o.paid_at', '>=', db.raw(`now() - interval '30 days'`))
        .sum('i.line_total_paise as total')
        .first(),
      db
        .from('orders as o')
        .whereExists((sub) =>
          sub
            .from('order_items as i')
            .whereColumn('i.order_id', 'o.id')
            .where('i.seller_id', seller.id)
        )
        .groupBy('o.status')
        .select('o.status')
        .count('* as count'),
      db
        .from('products')
        .where('seller_id', seller.id)
        .where('is_active', true)
        .where('stock', '<=', LOW_STOCK_THRESHOLD)
        .orderBy('stock', 'asc')
        .orderBy('id', 'asc')
        .limit(50)
        .select('id', 'title', 'slug', 'stock'),
      db
        .from('order_items as i')
        .join('orders as o', 'o.id', 'i.order_id')
        .where('i.seller_id', seller.id)
        .where('i.fulfillment_status', 'pending')
        .whereIn('o.status', ['paid', 'shipped'])
        .count('* as count')
        .first(),
    ])
    return {
      revenue_paise: Number(revenue?.total ?? 0),
      orders_by_status: Object.fromEntries(byStatus.map((row) => [row.status, Number(row.count)])),
      low_stock: lowStock,
      pending_fulfillment_count: Number(pending?.count ?? 0),
    }
  }
}
