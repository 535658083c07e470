import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Who may download an order's invoice: the customer who placed it, and admins. */
export default class InvoicePolicy extends BasePolicy {
  before(user: User | null) {
    if (user?.isAdmin) return true
  }

  download(user: User, order: { customerId: number }) {
    return user.id === order.customerId
  }
}
