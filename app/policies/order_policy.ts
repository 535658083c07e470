import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Carts and orders belong to customers; sellers and admins do not shop. */
export default class OrderPolicy extends BasePolicy {
  shop(user: User) {
    return user.isCustomer
  }
}
