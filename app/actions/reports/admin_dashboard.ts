import db from '@adonisjs/lucid/services/db'
import { GMV_ORDER_STATUSES } from '#enums/order_status'

/** The marketplace at a glance: GMV, orders by status, sellers waiting for review. */
export default class AdminDashboard {
  async handle() {
    const [gmv, byStatus, pendingSellers, users] = await Promise.all([
      db
        .from('orders')
        .whereIn('status', [...GMV_ORDER_STATUSES])
        .select(
          db.raw('COALESCE(sum(total_paise), 0)::bigint AS all_time'),
          db.raw(
            `COALESCE(sum(total_paise) FILTER (WHERE paid_at >= now() - interval '30 days'), 0)::bigint AS last_30_days`
          ),
          db.raw(
            `count(*) FILTER (WHERE paid_at >= now() - interval '30 days')::int AS orders_30_days`
          )
        )
        .first(),
      db.from('orders').groupBy('status').select('status').count('* as count'),
      db.from('seller_profiles').where('status', 'pending').count('* as count').first(),
      db.from('users').groupBy('role').select('role').count('* as count'),
    ])
    return {
      gmv_paise: Number(gmv?.all_time ?? 0),
      gmv_30_days_paise: Number(gmv?.last_30_days ?? 0),
      paid_orders_30_days: Number(gmv?.orders_30_days ?? 0),
      orders_by_status: Object.fromEntries(byStatus.map((row) => [row.status, Number(row.count)])),
      pending_sellers: Number(pendingSellers?.count ?? 0),
      users_by_role: Object.fromEntries(users.map((row) => [row.role, Number(row.count)])),
    }
  }
}
