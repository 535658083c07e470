import env from '#start/env'
import { defineConfig } from '@rlanz/bull-queue'
import redisConfig from '#config/redis'

const redis = redisConfig.connections.main

/**
 * BullMQ on the app's Redis (same host, port and database index as the
 * rest of the app, so tests and parallel checkouts stay isolated).
 */
export default defineConfig({
  defaultConnection: {
    host: redis.host,
    port: redis.port,
    password: redis.password || undefined,
    db: redis.db,
  },

  queueNames: ['default', 'mail', 'invoices'],

  queue: {},

  worker: {
    concurrency: 4,
  },

  jobs: {
    // Retried with exponential backoff: 5 s, 10 s, 20 s, 40 s.
    attempts: 5,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { count: 1000 },
    // Jobs that fail for good stay inspectable (`node ace jobs:failed`) for 30 days.
    removeOnFail: { age: 30 * 24 * 3600 },
  },
})

/** How often the worker re-dispatches outbox events that could not reach Redis. */
export const outboxSweepSeconds = env.get('OUTBOX_SWEEP_SECONDS', 15)
