import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import SetUserActive from '#actions/users/set_user_active'
import ListUsers from '#actions/users/list_users'
import UserPolicy from '#policies/user_policy'
import { USER_ROLES } from '#enums/user_role'
import { backTo, listFilters, pager, panelMessages } from '#controllers/panel/support/forms'
import { serializeUser } from '#transformers/user_transformer'
import { listUsersValidator, updateUserValidator } from '#validators/admin'

const PER_PAGE = 25

/** Accounts: search, and disable / enable through SetUserActive (the API's PATCH /api/admin/users/:id). */
export default class UsersController {
  @inject()
  async index({ bouncer, request, view }: HttpContext, listUsers: ListUsers) {
    await bouncer.with(UserPolicy).authorize('viewAny')
    const filters = await listFilters(listUsersValidator, request)
    const page = await listUsers.handle({ ...filters, per_page: PER_PAGE })
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
