import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import { type InferConnections } from '@adonisjs/redis/types'

/**
 * Reconnect delay after the nth failed attempt: 50 ms, 100 ms, … capped at
 * 2 s, and never giving up. A client that gave up stays dead for the life of
 * the process (the rate limiter holds on to it), so an outage longer than a
 * few seconds used to need a restart.
 */
export function reconnectDelay(times: number) {
  return Math.min(times * 50, 2000)
}

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      host: env.get('REDIS_HOST'),
      port: env.get('REDIS_PORT'),
      password: env.get('REDIS_PASSWORD', ''),
      db: env.get('REDIS_DB', 0),
      keyPrefix: '',
      // Fail a command fast while disconnected, and bound it while Redis is
      // connected but frozen, so a request never waits on Redis for long.
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      retryStrategy: reconnectDelay,
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
