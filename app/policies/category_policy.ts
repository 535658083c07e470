import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Approved sellers may propose new categories; only admins change or remove them. */
export default class CategoryPolicy extends BasePolicy {
  create(user: User) {
    return user.isAdmin || user.isApprovedSeller
  }

  update(user: User) {
    return user.isAdmin
  }

  delete(user: User) {
    return user.isAdmin
  }
}
