import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { errors } from '@adonisjs/auth'
import type User from '#models/user'

/**
 * Authenticates the request and refuses disabled accounts, so that
 * disabling a user takes effect on its very next request.
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
    if (!user.isActive) {
      throw new errors.E_UNAUTHORIZED_ACCESS('Account is disabled', {
        guardDriverName: ctx.auth.authenticatedViaGuard === 'web' ? 'session' : 'access_tokens',
        redirectTo: this.redirectTo,
      })
    }
    await user.loadPermissions()
    return next()
  }
}
