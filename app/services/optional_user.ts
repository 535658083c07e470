import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'

/**
 * The caller on public routes that show more to some people (an owner sees
 * its hidden product): the bearer token's user when it is valid, else null.
 * A bad token on a public route counts as no token. Uses the default (api)
 * guard, so Bouncer sees the same user.
 */
export async function optionalUser({ auth }: HttpContext): Promise<User | null> {
  if (!(await auth.check())) return null
  const user = auth.user as User
  if (user.role === 'seller' && !user.$preloaded.sellerProfile) await user.load('sellerProfile')
  return user.isActive ? user : null
}
