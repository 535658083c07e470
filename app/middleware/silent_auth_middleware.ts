import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * For public routes that show more to some people (an owner sees its hidden
 * product): identifies the caller when it can and never refuses. A missing,
 * bad or expired token counts as no token, and so does a disabled account's,
 * so controllers and Bouncer read `auth.user` and see a guest.
 */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (await ctx.auth.check()) {
      const guard = ctx.auth.use()
      if (guard.user!.isActive) {
        await guard.user!.loadPermissions()
      } else {
        guard.user = undefined
        guard.isAuthenticated = false
      }
    }
    return next()
  }
}
