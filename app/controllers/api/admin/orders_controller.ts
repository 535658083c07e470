import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AdminOrderPolicy from '#policies/admin_order_policy'
import ListOrders from '#actions/orders/list_orders'
import { serializeOrder } from '#transformers/order_transformer'
import { paginated } from '#transformers/pagination'
import { listAllOrdersValidator } from '#validators/admin'

export default class AdminOrdersController {
  @inject()
  async index({ bouncer, request }: HttpContext, listOrders: ListOrders) {
    await bouncer.with(AdminOrderPolicy).authorize('viewAll')
    const filters = await request.validateUsing(listAllOrdersValidator, { data: request.qs() })
    return paginated(await listOrders.handle(filters), serializeOrder)
  }
}
