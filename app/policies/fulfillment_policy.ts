import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** The seller area: approved sellers only (pending or rejected sellers get 403). */
export default class FulfillmentPolicy extends BasePolicy {
  fulfil(user: User) {
    return user.isApprovedSeller
  }
}
