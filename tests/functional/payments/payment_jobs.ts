import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import CapturePaymentJob from '#jobs/capture_payment_job'
import RefundPaymentJob from '#jobs/refund_payment_job'

const JOBS = { 'payment.authorized': CapturePaymentJob, 'payment.refund_owed': RefundPaymentJob }

// Tests truncate with RESTART IDENTITY, so an event is known by its id and its time.
const done = new Set<string>()

/**
 * Does what the worker does with the payment events the outbox sent to the
 * queue (start/outbox.ts routes them to these jobs), in this process and in
 * order; each event runs once per test process. Returns the jobs it ran.
 */
export async function runPaymentJobs() {
  const events = await db.from('outbox_events').whereIn('type', Object.keys(JOBS)).orderBy('id')
  const ran: string[] = []
  for (const event of events) {
    const key = `${event.id}@${new Date(event.created_at).toISOString()}`
    if (done.has(key)) continue
    done.add(key)
    const JobClass = JOBS[event.type as keyof typeof JOBS]
    const job = await app.container.make(JobClass)
    // No BullMQ job behind it: these jobs only log through `logger`.
    job.$injectInternal({ job: {} as any, logger })
    await job.handle(event.payload)
    ran.push(JobClass.name)
  }
  return ran
}
