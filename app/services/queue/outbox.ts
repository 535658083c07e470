import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { JobsOptions } from 'bullmq'

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
}

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
 * events to the queue. A Redis outage delays work, never loses it.
 */
export class Outbox {
  /** Replaced in tests to point the dispatch at a dead Redis. */
  dispatcher: Dispatcher | null = null
  timeoutMs = 3000
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
            .whereNull('dispatched_at')
            .orderBy('id')
            .limit(50)
            .forUpdate()
            .skipLocked()
            .select('id', 'type', 'payload')
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

  async #dispatch(dispatcher: Dispatcher, row: OutboxRow) {
    const routes = this.#routes[row.type]
    // Unrouted events stay pending (with the error) instead of being marked sent.
    if (!routes) throw new Error(`No jobs are routed for outbox event "${row.type}"`)
    for (const route of routes) {
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
