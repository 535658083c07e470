import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import AdminOrderPolicy from '#policies/admin_order_policy'
import { serializeOrder } from '#transformers/order_transformer'
import { paginated } from '#transformers/pagination'
import { listAllOrdersValidator } from '#validators/admin'

export default class AdminOrdersController {
  async index({ bouncer, request }: HttpContext) {
    await bouncer.with(AdminOrderPolicy).authorize('viewAll')
    const filters = await request.validateUsing(listAllOrdersValidator, { data: request.qs() })
    const query = Order.query()
      .preload('items', (items) => items.orderBy('id'))
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
    if (filters.status) query.where('status', filters.status)
    if (filters.customer_id) query.where('customer_id', filters.customer_id)
    if (filters.number) query.where('number', filters.number.toUpperCase())
    const page = await query.paginate(filters.page ?? 1, filters.per_page ?? 20)
    const data = await Promise.all(page.all().map((order) => serializeOrder(order)))
    return { ...paginated(page, () => null), data }
  }
}
