import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { errors } from '@adonisjs/auth'
import type User from '#models/user'
import { panelSessions } from '#services/auth/panel_sessions'

/**
 * Authenticates the request and refuses disabled accounts, so that
 * disabling a user takes effect on its very next request. A panel session
 * from before the account's last password reset or change, disable or
 * sign-out is signed out here (the session store alone cannot tell).
 */
export default class AuthMiddleware {
  redirectTo = '/panel/login'

  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })
    const user = ctx.auth.user as User
    const viaSession = ctx.auth.authenticatedViaGuard === 'web'
    if (!user.isActive) {
      throw new errors.E_UNAUTHORIZED_ACCESS('Account is disabled', {
        guardDriverName: viaSession ? 'session' : 'access_tokens',
        redirectTo: this.redirectTo,
      })
    }
    if (viaSession && !panelSessions.isCurrent(ctx.session, user)) {
      await ctx.auth.use('web').logout()
      throw new errors.E_UNAUTHORIZED_ACCESS('Your session has ended. Please sign in again.', {
        guardDriverName: 'session',
        redirectTo: this.redirectTo,
      })
    }
    await user.loadPermissions()
    return next()
  }
}
