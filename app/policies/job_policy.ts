import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Background jobs that failed for good: only admins see (payloads) and retry them. */
export default class JobPolicy extends BasePolicy {
  manage(user: User) {
    return user.isAdmin
  }
}
