import type { Infer } from '@vinejs/vine/types'
import User from '#models/user'
import type { listUsersValidator } from '#validators/admin'

/**
 * A page of accounts for admins, newest first, filtered by role, active
 * flag and a search over email and name. Shared by GET /api/admin/users
 * and the panel's user list.
 */
export default class ListUsers {
  async handle(filters: Infer<typeof listUsersValidator>) {
    const query = User.query().preload('sellerProfile')
    if (filters.role) query.where('role', filters.role)
    if (filters.is_active !== undefined) query.where('is_active', filters.is_active)
    if (filters.search) {
      // The search is literal text: % and _ match themselves.
      const like = `%${filters.search.replace(/[\\%_]/g, '\\$&')}%`
      query.where((q) => q.whereILike('email', like).orWhereILike('full_name', like))
    }
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.per_page ?? 20)
  }
}
