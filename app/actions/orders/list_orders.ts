import type { Infer } from '@vinejs/vine/types'
import Order from '#models/order'
import { withCustomerView } from '#transformers/order_transformer'
import type { listAllOrdersValidator } from '#validators/admin'

export type ListOrdersFilters = Infer<typeof listAllOrdersValidator>

/**
 * A page of orders, newest first, ready for `serializeOrder` (and with
 * their customer): a customer's own (GET /api/orders, `customer_id` set to
 * theirs) or, for admins, everyone's with filters (GET /api/admin/orders
 * and the panel's order list).
 */
export default class ListOrders {
  async handle(filters: ListOrdersFilters) {
    const query = withCustomerView(Order.query())
      .preload('customer')
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
    if (filters.status) query.where('status', filters.status)
    if (filters.customer_id) query.where('customer_id', filters.customer_id)
    if (filters.number) query.where('number', filters.number.toUpperCase())
    return query.paginate(filters.page ?? 1, filters.per_page ?? 20)
  }
}
