import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { JobsOptions } from 'bullmq'
import { outboxLeaseSeconds } from '#config/queue'

/**
 * Events the rest of the app records, with their payloads (ids only).
 * `password_reset.requested` carries the reset token sealed with APP_KEY
 * (`encryption.encrypt`): neither PostgreSQL nor Redis ever holds it readable.
 */
export interface OutboxEvents {
  'user.registered': { userId: number }
  'password_reset.requested': { userId: number; tokenId: number; sealedToken: string }
  'order.paid': { orderId: number }
  /** Recorded by the invoice job once the order's invoices are stored. */
  'order.invoiced': { orderId: number }
  'order_item.shipped': { orderId: number; itemIds: number[] }
  'order_item.delivered': { orderId: number; itemIds: number[] }
  'payment.failed': { orderId: number }
  /** A verified authorisation, captured by CapturePaymentJob; refunds run in RefundPaymentJob. */
  'payment.authorized': { orderId: number; razorpayPaymentId: string }
  'payment.refund_owed': { orderId: number; razorpayPaymentId: string; reason: string }
}
export type OutboxEventType = keyof OutboxEvents

type JobImport = () => Promise<{ default: any }>

/** One job an event starts. */
export interface OutboxRoute {
  /** Unique per event type; part of the BullMQ job id. */
  key: string
  queue: 'default' | 'mail' | 'invoices'
  job: JobImport
  payload: (eventPayload: any) => Record<string, unknown>
}
export type OutboxRoutes = Record<OutboxEventType, OutboxRoute[]>

/** What the outbox needs from the queue: @rlanz/bull-queue's QueueManager fits. */
export interface Dispatcher {
  dispatch(
    job: JobImport,
    payload: any,
    options: JobsOptions & { queueName?: string }
  ): Promise<unknown>
}

interface OutboxRow {
  id: string | number
  type: OutboxEventType
  payload: Record<string, unknown>
  completed_routes: string[]
}

/** `outbox-<event id>-<route key>`: deterministic, so a re-dispatch enqueues no second job. */
const JOB_ID = /^outbox-(\d+)-(.+)$/

function withTimeout<T>(promise: Promise<T>, ms: number) {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

/**
 * Transactional outbox: `record` writes the event in the caller's
 * transaction, so it exists exactly when the change it describes does;
 * `flush` (after commit, and periodically from the worker) pushes pending
 * events to the queue. An event is finished only when each of its jobs has
 * reported completion (`complete`); one queued longer than the lease
 * without completing is queued again (a Redis that restarted empty lost
 * it). A Redis outage delays work, never loses it.
 */
export class Outbox {
  /** Replaced in tests to point the dispatch at a dead Redis. */
  dispatcher: Dispatcher | null = null
  timeoutMs = 3000
  /** Seconds a dispatched event may go without completing before it is dispatched again. */
  leaseSeconds = outboxLeaseSeconds
  #routes: Partial<OutboxRoutes> = {}

  /**
   * Which jobs each event starts. Registered by `start/outbox.ts`, the
   * composition root, so this service never imports the jobs that
   * themselves record events.
   */
  useRoutes(routes: OutboxRoutes) {
    this.#routes = routes
  }

  async record<T extends OutboxEventType>(
    trx: TransactionClientContract,
    type: T,
    payload: OutboxEvents[T]
  ) {
    const [row] = await trx
      .insertQuery()
      .table('outbox_events')
      .insert({ type, payload: JSON.stringify(payload) })
      .returning('id')
    return Number(row.id)
  }

  /**
   * Dispatches pending events. Best effort: returns how many went out and
   * never throws; whatever stays pending is retried by the next flush.
   */
  async flush(limit = 200): Promise<number> {
    let sent = 0
    try {
      const dispatcher = this.dispatcher ?? (await app.container.make('rlanz/queue'))
      while (sent < limit) {
        const { done, stop } = await db.transaction(async (trx) => {
          // SKIP LOCKED: concurrent flushers (requests, the sweeper) share the rows.
          const rows: OutboxRow[] = await trx
            .from('outbox_events')
            .where((query) =>
              query
                .whereNull('dispatched_at')
                .orWhereRaw(
                  `completed_at IS NULL AND dispatched_at < now() - make_interval(secs => ?)`,
                  [this.leaseSeconds]
                )
            )
            .orderBy('id')
            .limit(50)
            .forUpdate()
            .skipLocked()
            .select('id', 'type', 'payload', 'completed_routes')
          let count = 0
          for (const row of rows) {
            try {
              await withTimeout(this.#dispatch(dispatcher, row), this.timeoutMs)
            } catch (error) {
              await trx.rawQuery(
                'UPDATE outbox_events SET attempts = attempts + 1, last_error = ? WHERE id = ?',
                [String((error as Error).message).slice(0, 500), row.id]
              )
              logger.warn(
                { outboxId: row.id, type: row.type },
                'outbox dispatch failed: %s',
                (error as Error).message
              )
              // The queue is most likely down: leave the rest for the next sweep.
              return { done: count, stop: true }
            }
            await trx.rawQuery(
              'UPDATE outbox_events SET attempts = attempts + 1, dispatched_at = now() WHERE id = ?',
              [row.id]
            )
            count++
          }
          return { done: count, stop: rows.length < 50 }
        })
        sent += done
        if (stop) break
      }
    } catch (error) {
      logger.warn('outbox flush failed: %s', (error as Error).message)
    }
    return sent
  }

  async pendingCount() {
    const [row] = await db.from('outbox_events').whereNull('dispatched_at').count('* as total')
    return Number(row.total)
  }

  /** Events queued longer than the lease whose jobs have not all completed. */
  async overdueCount() {
    const [row] = await db
      .from('outbox_events')
      .whereNull('completed_at')
      .whereRaw('dispatched_at < now() - make_interval(secs => ?)', [this.leaseSeconds])
      .count('* as total')
    return Number(row.total)
  }

  /**
   * Called by the worker when a job has run to completion: records its
   * route as done, and the event as finished once every route is. Jobs
   * that did not come from the outbox are ignored.
   */
  async complete(jobId: string | undefined) {
    const match = jobId?.match(JOB_ID)
    if (!match) return
    const [, eventId, key] = match
    const { rows } = await db.rawQuery(
      `UPDATE outbox_events
          SET completed_routes = completed_routes || to_jsonb(?::text)
        WHERE id = ? AND NOT completed_routes @> jsonb_build_array(?::text)
        RETURNING type, completed_routes`,
      [key, eventId, key]
    )
    if (rows.length === 0) return
    const done = new Set<string>(rows[0].completed_routes)
    const routes = this.#routes[rows[0].type as OutboxEventType] ?? []
    if (routes.every((route) => done.has(route.key))) {
      await db
        .from('outbox_events')
        .where('id', eventId)
        .whereNull('completed_at')
        .update({ completed_at: new Date() })
    }
  }

  async #dispatch(dispatcher: Dispatcher, row: OutboxRow) {
    const routes = this.#routes[row.type]
    // Unrouted events stay pending (with the error) instead of being marked sent.
    if (!routes) throw new Error(`No jobs are routed for outbox event "${row.type}"`)
    for (const route of routes) {
      if (row.completed_routes.includes(route.key)) continue
      await dispatcher.dispatch(route.job, route.payload(row.payload), {
        queueName: route.queue,
        // Deterministic id: dispatching the same row twice enqueues one job.
        jobId: `outbox-${row.id}-${route.key}`,
      })
    }
  }
}

const outbox = new Outbox()
export default outbox
