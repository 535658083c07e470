import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE'),
  stores: {
    // Fail at once while Redis is not connected (start/limiter.ts then
    // counts in memory) rather than queueing the command.
    redis: stores.redis({ connectionName: 'main', rejectIfRedisNotReady: true }),
    memory: stores.memory({}),
  },
})

export default limiterConfig

/** Login attempts per IP + email, and registrations per IP, per minute (start/limiter.ts). */
export const authAttemptsPerMinute = env.get('AUTH_RATE_LIMIT_PER_MINUTE', 10)

/**
 * Login attempts per IP whatever the email, per minute: a ceiling on one
 * client trying many accounts. Higher than the per-email budget so a
 * household or office behind one address can still sign in.
 */
export const loginAttemptsPerIpPerMinute = env.get(
  'AUTH_LOGIN_IP_RATE_LIMIT_PER_MINUTE',
  authAttemptsPerMinute * 5
)

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
