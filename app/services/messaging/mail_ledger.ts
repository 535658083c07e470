import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type { BaseMail } from '@adonisjs/mail'
import { appUrl } from '#config/app'
import { mailClaimLeaseSeconds } from '#config/queue'
import { RetryLater } from '#services/queue/workers'

export interface OnceMail {
  /** What the mail is about: `welcome`, `order_shipped`, … */
  kind: string
  /** Which thing it is about: `user:12`, `order:7:items:3,4`. */
  entity: string
  recipient: string
  build: () => Promise<BaseMail>
}

export const mailLedger = {
  /** Replaced in tests to watch a lease run out in seconds. */
  leaseSeconds: mailClaimLeaseSeconds,
}

/** One Message-ID per ledger row, whichever attempt sends it: a rare duplicate is recognisable. */
export function stableMessageId(ledgerId: number | string) {
  return `<mail-${ledgerId}@${new URL(appUrl).hostname}>`
}

/**
 * Sends a mail once per (kind, entity, recipient), at least once. The claim
 * is committed before the SMTP call, so a job retried after it sent skips
 * the mail. A claim not confirmed sent within the lease belongs to a worker
 * that died mid-send: it is taken over and the mail sent again, with the
 * same Message-ID. While another attempt's claim is still within its lease
 * the job retries later (RetryLater) rather than skipping the mail. A send
 * that fails cleanly (refused, not sent) releases the claim at once.
 */
export async function sendOnce({ kind, entity, recipient, build }: OnceMail) {
  const to = recipient.toLowerCase()
  const { rows: claimed } = await db.rawQuery(
    `INSERT INTO sent_mails (kind, entity, recipient) VALUES (?, ?, ?)
     ON CONFLICT (kind, entity, recipient) DO UPDATE SET claimed_at = now()
       WHERE sent_mails.sent_at IS NULL
         AND sent_mails.claimed_at < now() - make_interval(secs => ?)
     RETURNING id`,
    [kind, entity, to, mailLedger.leaseSeconds]
  )
  if (claimed.length === 0) {
    const held = await db
      .from('sent_mails')
      .where({ kind, entity, recipient: to })
      .whereNull('sent_at')
      .select('claimed_at')
      .first()
    if (!held) return false
    const leaseEnds = new Date(held.claimed_at).getTime() + mailLedger.leaseSeconds * 1000
    throw new RetryLater(`mail ${kind} ${entity} is claimed by another attempt`, leaseEnds)
  }
  const id = claimed[0].id
  try {
    const message = await build()
    message.message.messageId(stableMessageId(id))
    const response = await mail.send(message)
    await db
      .from('sent_mails')
      .where('id', id)
      .update({
        sent_at: new Date(),
        subject: message.subject?.slice(0, 250) ?? null,
        message_id: response.messageId?.slice(0, 250) ?? null,
      })
    return true
  } catch (error) {
    await db.from('sent_mails').where('id', id).delete()
    throw error
  }
}

/** Mails claimed longer than the lease and never confirmed sent: a worker died mid-send. */
export async function countStuckMailClaims() {
  const [row] = await db
    .from('sent_mails')
    .whereNull('sent_at')
    .whereRaw('claimed_at < now() - make_interval(secs => ?)', [mailLedger.leaseSeconds])
    .count('* as total')
  return Number(row.total)
}
