import type User from '#models/user'
import { allowGuest, AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'

/** The fields of a product row that decide who may see or change it. */
type ProductOwnership = { sellerId: number; isVisible: boolean }

/** Another seller's product is reported as missing, never as forbidden. */
const notFound = () => AuthorizationResponse.deny('Product not found', 404)

/**
 * Anyone sees sellable products (active, seller approved and enabled);
 * owners and admins also see the others. Approved sellers manage their own
 * products; admins may edit any product.
 */
export default class ProductPolicy extends BasePolicy {
  @allowGuest()
  view(user: User | null, product: ProductOwnership) {
    if (product.isVisible) return true
    if (user && (user.isAdmin || user.id === product.sellerId)) return true
    return notFound()
  }

  create(user: User) {
    return user.isApprovedSeller
  }

  /** The seller's own list (`GET /api/seller/products`). */
  viewOwn(user: User) {
    return user.isApprovedSeller
  }

  /** Every product, hidden ones included (the admin panel's list). */
  viewAny(user: User) {
    return user.isAdmin
  }

  update(user: User, product: ProductOwnership) {
    if (user.isAdmin) return true
    if (!user.isSeller) return false
    if (product.sellerId !== user.id) return notFound()
    return user.isApprovedSeller
  }

  delete(user: User, product: ProductOwnership) {
    return this.update(user, product)
  }

  /** Images belong to the product's listing: the same people manage them. */
  manageImages(user: User, product: ProductOwnership) {
    return this.update(user, product)
  }
}
