import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE'),
  stores: {
    redis: stores.redis({ connectionName: 'main' }),
    memory: stores.memory({}),
  },
})

export default limiterConfig

/** Login attempts per IP + email, and registrations per IP, per minute (start/limiter.ts). */
export const authAttemptsPerMinute = env.get('AUTH_RATE_LIMIT_PER_MINUTE', 10)

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
