import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import AdminOrderPolicy from '#policies/admin_order_policy'
import { ORDER_STATUSES } from '#enums/order_status'
import { listFilters, pager } from '#controllers/panel/support/forms'
import { serializeOrder } from '#transformers/order_transformer'
import { listAllOrdersValidator } from '#validators/admin'

const PER_PAGE = 25

/** Every order, with the filters of GET /api/admin/orders. */
export default class OrdersController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(AdminOrderPolicy).authorize('viewAll')
    const filters = await listFilters(listAllOrdersValidator, request)
    const query = Order.query()
      .preload('items', (items) => items.orderBy('id'))
      .preload('customer')
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
    if (filters.status) query.where('status', filters.status)
    if (filters.customer_id) query.where('customer_id', filters.customer_id)
    if (filters.number) query.where('number', filters.number.toUpperCase())
    const page = await query.paginate(filters.page ?? 1, PER_PAGE)
    const orders = await Promise.all(
      page.all().map(async (order) => ({
        ...(await serializeOrder(order)),
        customer: {
          id: order.customerId,
          name: order.customer.fullName,
          email: order.customer.email,
        },
      }))
    )
    return view.render('panel/admin/orders', {
      orders,
      filters,
      statuses: ORDER_STATUSES,
      pager: pager(request, page.currentPage, PER_PAGE, page.total),
    })
  }
}
