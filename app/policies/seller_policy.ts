import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Who may review seller applications. */
export default class SellerPolicy extends BasePolicy {
  viewAny(user: User) {
    return user.isAdmin
  }

  review(user: User) {
    return user.isAdmin
  }
}
