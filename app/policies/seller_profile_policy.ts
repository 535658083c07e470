import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** A seller edits its own business details. */
export default class SellerProfilePolicy extends BasePolicy {
  update(user: User) {
    return user.isSeller && Boolean(user.sellerProfile)
  }
}
