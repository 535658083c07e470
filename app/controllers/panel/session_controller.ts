import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { Bouncer } from '@adonisjs/bouncer'
import LoginUser from '#actions/auth/login_user'
import PanelPolicy from '#policies/panel_policy'
import { panelSessions } from '#services/auth/panel_sessions'
import { loginValidator } from '#validators/auth'

/** Session sign-in for the panel (sellers and admins), CSRF-protected like every panel form. */
export default class SessionController {
  async show({ auth, response, view }: HttpContext) {
    if (await auth.use('web').check()) return response.redirect('/panel')
    return view.render('panel/login')
  }

  @inject()
  async store({ auth, request, response, session }: HttpContext, loginUser: LoginUser) {
    const { email, password } = await request.validateUsing(loginValidator)
    const user = await loginUser.verify(email, password)
    // Decided before the session exists: a customer never gets one.
    if (await new Bouncer(user).with(PanelPolicy).denies('enter')) {
      session.flashExcept(['_csrf', 'password'])
      session.flash('error', 'The panel is for sellers and admins. Shop from the storefront.')
      return response.redirect('/panel/login')
    }
    await auth.use('web').login(user)
    panelSessions.stamp(session, user)
    session.flash('success', `Welcome, ${user.fullName}.`)
    return response.redirect('/panel')
  }

  /**
   * Signs the account out of every panel session, not only this one: with
   * the cookie store a session is only a cookie, so ending this one alone
   * would leave any copy of it valid until it expires.
   */
  async destroy({ auth, response, session }: HttpContext) {
    await auth.use('web').getUserOrFail().endPanelSessions()
    await auth.use('web').logout()
    session.flash('success', 'You have signed out.')
    return response.redirect('/panel/login')
  }
}
