import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

export default class AdminOrderPolicy extends BasePolicy {
  viewAll(user: User) {
    return user.isAdmin
  }
}
