import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import SetUserActive from '#actions/users/set_user_active'
import ListUsers from '#actions/users/list_users'
import UserPolicy from '#policies/user_policy'
import { listUsersValidator, updateUserValidator } from '#validators/admin'
import { serializeUser } from '#transformers/user_transformer'
import { paginated } from '#transformers/pagination'

export default class UsersController {
  @inject()
  async index({ bouncer, request }: HttpContext, listUsers: ListUsers) {
    await bouncer.with(UserPolicy).authorize('viewAny')
    const filters = await request.validateUsing(listUsersValidator, { data: request.qs() })
    return paginated(await listUsers.handle(filters), serializeUser)
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
