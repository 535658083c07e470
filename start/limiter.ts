/*
|--------------------------------------------------------------------------
| Rate limits
|--------------------------------------------------------------------------
|
| Login is counted per IP + email (slows password guessing against one
| account without locking out a whole office behind one IP); registration
| per IP. Both share AUTH_RATE_LIMIT_PER_MINUTE.
|
*/
import { authAttemptsPerMinute as perMinute } from '#config/limiter'
import limiter from '@adonisjs/limiter/services/main'

export const loginThrottle = limiter.define('login', (ctx) => {
  const email = String(ctx.request.input('email', '')).trim().toLowerCase().slice(0, 254)
  return limiter
    .allowRequests(perMinute)
    .every('1 minute')
    .usingKey(`login:${ctx.request.ip()}:${email}`)
})

export const registerThrottle = limiter.define('register', (ctx) => {
  return limiter.allowRequests(perMinute).every('1 minute').usingKey(`register:${ctx.request.ip()}`)
})

/** Same budget as login, per IP + email: slows mail-bombing one address. */
export const forgotPasswordThrottle = limiter.define('forgot_password', (ctx) => {
  const email = String(ctx.request.input('email', '')).trim().toLowerCase().slice(0, 254)
  return limiter
    .allowRequests(perMinute)
    .every('1 minute')
    .usingKey(`forgot:${ctx.request.ip()}:${email}`)
})

export const resetPasswordThrottle = limiter.define('reset_password', (ctx) => {
  return limiter.allowRequests(perMinute).every('1 minute').usingKey(`reset:${ctx.request.ip()}`)
})
