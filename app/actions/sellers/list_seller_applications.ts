import type { Infer } from '@vinejs/vine/types'
import User from '#models/user'
import type { listSellersValidator } from '#validators/admin'

/**
 * A page of sellers with their profiles for review, newest first, by
 * application status (all when none is given). Shared by
 * GET /api/admin/sellers and the panel's seller approvals.
 */
export default class ListSellerApplications {
  async handle(filters: Infer<typeof listSellersValidator>) {
    return User.query()
      .where('role', 'seller')
      .whereHas('sellerProfile', (profile) => {
        if (filters.status) profile.where('status', filters.status)
      })
      .preload('sellerProfile')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.per_page ?? 20)
  }
}
