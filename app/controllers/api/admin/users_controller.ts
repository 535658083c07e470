import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import SetUserActive from '#actions/users/set_user_active'
import UserPolicy from '#policies/user_policy'
import { listUsersValidator, updateUserValidator } from '#validators/admin'
import { serializeUser } from '#transformers/user_transformer'
import { paginated } from '#transformers/pagination'

export default class UsersController {
  async index({ bouncer, request }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('viewAny')
    const filters = await request.validateUsing(listUsersValidator, { data: request.qs() })
    const query = User.query().preload('sellerProfile')
    if (filters.role) query.where('role', filters.role)
    if (filters.is_active !== undefined) query.where('is_active', filters.is_active)
    if (filters.search) {
      const like = `%${filters.search.replace(/[\\%_]/g, '\\$&')}%`
      query.where((q) => q.whereILike('email', like).orWhereILike('full_name', like))
    }
    const page = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.per_page ?? 20)
    return paginated(page, serializeUser)
  }

  @inject()
  async update({ bouncer, params, request }: HttpContext, setUserActive: SetUserActive) {
    await bouncer.with(UserPolicy).authorize('viewAny')
    const { is_active: isActive } = await request.validateUsing(updateUserValidator)
    const user = await User.query().where('id', params.id).preload('sellerProfile').firstOrFail()
    await bouncer.with(UserPolicy).authorize('update', user)
    await setUserActive.handle(user, isActive)
    return { data: serializeUser(user) }
  }
}
