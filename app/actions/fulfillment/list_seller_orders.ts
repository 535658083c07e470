import Order from '#models/order'
import type User from '#models/user'
import type { Infer } from '@vinejs/vine/types'
import type { listOrdersValidator } from '#validators/orders'
import { serializeSellerOrder, withSellerView } from '#transformers/order_transformer'

/**
 * A page of the orders holding a seller's items, newest first, each in the
 * seller's view (only its own items, the customer's name and address).
 * Shared by the API and the panel.
 */
export default class ListSellerOrders {
  async handle(seller: User, filters: Infer<typeof listOrdersValidator>) {
    const query = withSellerView(Order.query(), seller.id)
      .whereExists((sub) =>
        sub
          .from('order_items as i')
          .whereColumn('i.order_id', 'orders.id')
          .where('i.seller_id', seller.id)
      )
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
    if (filters.status) query.where('status', filters.status)
    const page = await query.paginate(filters.page ?? 1, filters.per_page ?? 20)
    return { page, orders: page.all().map(serializeSellerOrder) }
  }
}
