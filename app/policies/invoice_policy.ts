import type User from '#models/user'
import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'

/**
 * Who may download invoices: the customer who placed the order (all its
 * invoices), a seller its own invoice of an order it sold into, and admins.
 */
export default class InvoicePolicy extends BasePolicy {
  before(user: User | null) {
    if (user?.isAdmin) return true
  }

  download(user: User, order: { customerId: number }) {
    return user.id === order.customerId
  }

  /** Another seller's order is reported as missing, never as forbidden. */
  downloadSellerCopy(user: User, order: { sellerIds: number[] }) {
    if (user.isApprovedSeller && order.sellerIds.includes(user.id)) return true
    return AuthorizationResponse.deny('Order not found', 404)
  }
}
