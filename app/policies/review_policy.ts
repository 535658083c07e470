import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { REVIEWABLE_ORDER_STATUSES } from '#enums/order_status'

/** Only customers who bought the product (a paid order containing it) review it. */
export default class ReviewPolicy extends BasePolicy {
  async create(user: User, product: { id: number }) {
    if (!user.isCustomer) return false
    const purchase = await db
      .from('order_items')
      .join('orders', 'orders.id', 'order_items.order_id')
      .where('orders.customer_id', user.id)
      .where('order_items.product_id', product.id)
      .whereIn('orders.status', [...REVIEWABLE_ORDER_STATUSES])
      .select(db.raw('1'))
      .first()
    if (!purchase) {
      return AuthorizationResponse.deny('Only customers who bought this product can review it', 403)
    }
    return true
  }
}
