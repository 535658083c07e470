import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import SetUserActive from '#actions/users/set_user_active'
import UserPolicy from '#policies/user_policy'
import { USER_ROLES } from '#enums/user_role'
import { backTo, listFilters, pager, panelMessages } from '#controllers/panel/support/forms'
import { serializeUser } from '#transformers/user_transformer'
import { listUsersValidator, updateUserValidator } from '#validators/admin'

const PER_PAGE = 25

/** Accounts: search, and disable / enable through SetUserActive (the API's PATCH /api/admin/users/:id). */
export default class UsersController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('viewAny')
    const filters = await listFilters(listUsersValidator, request)
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
      .paginate(filters.page ?? 1, PER_PAGE)
    const users = page.all()
    const manageable = new Set<number>()
    for (const user of users) {
      if (await bouncer.with(UserPolicy).allows('update', user)) manageable.add(user.id)
    }
    return view.render('panel/admin/users', {
      users: users.map((user) => ({ ...serializeUser(user), manageable: manageable.has(user.id) })),
      filters,
      roles: USER_ROLES,
      pager: pager(request, page.currentPage, PER_PAGE, page.total),
    })
  }

  @inject()
  async setActive(
    { bouncer, params, request, response, session }: HttpContext,
    setUserActive: SetUserActive
  ) {
    await bouncer.with(UserPolicy).authorize('viewAny')
    const { is_active: isActive } = await request.validateUsing(updateUserValidator, {
      messagesProvider: panelMessages,
    })
    const user = await User.query().where('id', params.id).preload('sellerProfile').firstOrFail()
    await bouncer.with(UserPolicy).authorize('update', user)
    await setUserActive.handle(user, isActive)
    session.flash('success', `${user.email} is ${isActive ? 'enabled' : 'disabled'}.`)
    return response.redirect(backTo(request, '/panel/admin/users'))
  }
}
