import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * The server-rendered panel: sellers and admins only. Sellers whose
 * application is pending or rejected may sign in, but only approved sellers
 * reach the seller area (what they may do there is then decided by the same
 * policies as the API).
 */
export default class PanelPolicy extends BasePolicy {
  enter(user: User) {
    return user.isAdmin || user.isSeller
  }

  sellerArea(user: User) {
    return user.isApprovedSeller
  }

  /** A seller whose application has not been approved (pending, or rejected). */
  awaitsApproval(user: User) {
    return user.isSeller && !user.isApprovedSeller
  }

  adminArea(user: User) {
    return user.isAdmin
  }
}
