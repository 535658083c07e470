import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AdminOrderPolicy from '#policies/admin_order_policy'
import ListOrders from '#actions/orders/list_orders'
import { ORDER_STATUSES } from '#enums/order_status'
import { listFilters, pager } from '#controllers/panel/support/forms'
import { serializeOrder } from '#transformers/order_transformer'
import { listAllOrdersValidator } from '#validators/admin'

const PER_PAGE = 25

/** Every order, with the filters of GET /api/admin/orders (the same ListOrders action). */
export default class OrdersController {
  @inject()
  async index({ bouncer, request, view }: HttpContext, listOrders: ListOrders) {
    await bouncer.with(AdminOrderPolicy).authorize('viewAll')
    const filters = await listFilters(listAllOrdersValidator, request)
    const page = await listOrders.handle({ ...filters, per_page: PER_PAGE })
    return view.render('panel/admin/orders', {
      orders: page.all().map((order) => ({
        ...serializeOrder(order),
        customer: {
          id: order.customerId,
          name: order.customer.fullName,
          email: order.customer.email,
        },
      })),
      filters,
      statuses: ORDER_STATUSES,
      pager: pager(request, page.currentPage, PER_PAGE, page.total),
    })
  }
}
