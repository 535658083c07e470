import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Who may see and manage accounts. */
export default class UserPolicy extends BasePolicy {
  viewAny(user: User) {
    return user.isAdmin
  }

  /** Admins manage accounts, but never lock themselves out. */
  update(user: User, target: User) {
    return user.isAdmin && user.id !== target.id
  }
}
