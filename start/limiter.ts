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
import env from '#start/env'
import limiter from '@adonisjs/limiter/services/main'

const perMinute = env.get('AUTH_RATE_LIMIT_PER_MINUTE', 10)

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
