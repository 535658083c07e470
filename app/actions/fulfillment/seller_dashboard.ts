import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { FULFILLABLE_ORDER_STATUSES, GMV_ORDER_STATUSES } from '#enums/order_status'

export const LOW_STOCK_THRESHOLD = 5

/** The numbers a seller checks every morning, from its own items only. */
export default class SellerDashboard {
  async handle(seller: User) {
    const [revenue, byStatus, lowStock, pending] = await Promise.all([
      db
        .from('order_items as i')
        .join('orders as o', 'o.id', 'i.order_id')
        .where('i.seller_id', seller.id)
        .whereIn('o.status', [...GMV_ORDER_STATUSES])
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
        .whereIn('o.status', [...FULFILLABLE_ORDER_STATUSES])
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

  /**
   * Revenue and orders per day (India's calendar days) for the last `days`
   * days, oldest first, days without sales included as zeros: the panel's chart.
   */
  async daily(seller: User, days = 30) {
    const { rows } = await db.rawQuery(
      `SELECT to_char((o.paid_at AT TIME ZONE 'Asia/Kolkata')::date, 'YYYY-MM-DD') AS day,
              sum(i.line_total_paise)::bigint AS revenue, count(DISTINCT o.id)::int AS orders
         FROM order_items i JOIN orders o ON o.id = i.order_id
        WHERE i.seller_id = ? AND o.status = ANY(?)
          AND i.fulfillment_status <> 'cancelled'
          AND o.paid_at >= now() - make_interval(days => ?)
        GROUP BY 1`,
      [seller.id, [...GMV_ORDER_STATUSES], days]
    )
    const byDay = new Map<string, { revenue: number; orders: number }>(
      rows.map((row: { day: string; revenue: string; orders: number }) => [
        row.day,
        { revenue: Number(row.revenue), orders: row.orders },
      ])
    )
    const istToday = new Date(Date.now() + 330 * 60_000)
    return Array.from({ length: days }, (_, index) => {
      const date = new Date(istToday)
      date.setUTCDate(date.getUTCDate() - (days - 1 - index))
      const day = date.toISOString().slice(0, 10)
      return {
        day,
        revenue_paise: byDay.get(day)?.revenue ?? 0,
        orders: byDay.get(day)?.orders ?? 0,
      }
    })
  }
}
