/*
|--------------------------------------------------------------------------
| Rate limits
|--------------------------------------------------------------------------
|
| Login is counted per IP + email (slows password guessing against one
| account without locking out a whole office behind one IP) and, with a
| higher ceiling, per IP alone (slows one client trying many accounts);
| registration and password resets per IP. The client IP is the socket's,
| or X-Forwarded-For's when the request came through a trusted proxy
| (`trustProxy` in config/app.ts).
|
| Counters live in Redis. While Redis is unreachable the limits are kept
| in this process's memory instead: a Redis outage must not turn login
| into a 500 or a hang.
|
*/
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import logger from '@adonisjs/core/services/logger'
import limiter from '@adonisjs/limiter/services/main'
import { errors, type HttpLimiter, type LimiterResponse } from '@adonisjs/limiter'
import { authAttemptsPerMinute as perMinute, loginAttemptsPerIpPerMinute } from '#config/limiter'

/** At most one warning per this many ms while the store stays down, not one per request. */
const WARN_EVERY_MS = 30_000
let lastWarning = 0

async function consume(name: string, rule: HttpLimiter<any>, ctx: HttpContext) {
  try {
    return await rule.throttle(name, ctx)
  } catch (error) {
    if (error instanceof errors.E_TOO_MANY_REQUESTS) throw error
    if (Date.now() - lastWarning > WARN_EVERY_MS) {
      lastWarning = Date.now()
      logger.warn(
        { limiter: name },
        'rate-limit store unavailable, counting in memory: %s',
        (error as Error).message
      )
    }
    return rule.store('memory').throttle(name, ctx)
  }
}

/**
 * A named route middleware like `limiter.define`, for one or more rules
 * (each `[name, rule]`, all must pass), that falls back to the in-process
 * memory store when the configured store errors.
 */
function defineThrottle(
  build: (ctx: HttpContext) => Array<[name: string, rule: HttpLimiter<any>]>
) {
  return async (ctx: HttpContext, next: NextFn) => {
    let tightest: LimiterResponse | undefined
    for (const [name, rule] of build(ctx)) {
      const response = await consume(name, rule, ctx)
      if (!tightest || response.remaining < tightest.remaining) tightest = response
    }
    const result = await next()
    if (tightest) {
      ctx.response.header('X-RateLimit-Limit', tightest.limit)
      ctx.response.header('X-RateLimit-Remaining', tightest.remaining)
    }
    return result
  }
}

const perMinuteRule = (requests: number, key: string) =>
  limiter.allowRequests(requests).every('1 minute').usingKey(key)

const emailOf = (ctx: HttpContext) =>
  String(ctx.request.input('email', '')).trim().toLowerCase().slice(0, 254)

export const loginThrottle = defineThrottle((ctx) => [
  ['login_ip', perMinuteRule(loginAttemptsPerIpPerMinute, `login-ip:${ctx.request.ip()}`)],
  ['login', perMinuteRule(perMinute, `login:${ctx.request.ip()}:${emailOf(ctx)}`)],
])

export const registerThrottle = defineThrottle((ctx) => [
  ['register', perMinuteRule(perMinute, `register:${ctx.request.ip()}`)],
])

/** Same budget as login, per IP + email: slows mail-bombing one address. */
export const forgotPasswordThrottle = defineThrottle((ctx) => [
  ['forgot_password', perMinuteRule(perMinute, `forgot:${ctx.request.ip()}:${emailOf(ctx)}`)],
])

export const resetPasswordThrottle = defineThrottle((ctx) => [
  ['reset_password', perMinuteRule(perMinute, `reset:${ctx.request.ip()}`)],
])
