import env from '#start/env'
import { defineConfig } from '@rlanz/bull-queue'
import redisConfig, { reconnectDelay } from '#config/redis'

const redis = redisConfig.connections.main

const queueStalledSeconds = env.get('QUEUE_STALLED_SECONDS', 30)

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
    // BullMQ's own requirement for workers (blocking commands must wait, not
    // fail after a retry); no command timeout for the same reason.
    maxRetriesPerRequest: null,
    retryStrategy: reconnectDelay,
  },

  queueNames: ['default', 'mail', 'invoices'],

  queue: {},

  worker: {
    concurrency: 4,
    // A worker that dies mid-job (kill -9, OOM) stops renewing its lock; after
    // this long another worker takes the job over (BullMQ's default is 30 s).
    lockDuration: queueStalledSeconds * 1000,
    stalledInterval: queueStalledSeconds * 1000,
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

/**
 * Seconds an outbox event may stay queued without all its jobs completing
 * before the sweeper queues it again (a Redis that restarted empty lost it).
 * Longer than a job's usual wait plus run; re-queueing a job still in Redis
 * is a no-op, so erring short costs little.
 */
export const outboxLeaseSeconds = env.get('OUTBOX_LEASE_SECONDS', 120)

/**
 * Seconds a mail may stay claimed without being confirmed sent before it is
 * sent again (the worker that claimed it died mid-send). Longer than an SMTP
 * send can take, or a slow send would be duplicated.
 */
export const mailClaimLeaseSeconds = env.get('MAIL_CLAIM_LEASE_SECONDS', 300)
