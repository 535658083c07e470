import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type { BaseMail } from '@adonisjs/mail'

export interface OnceMail {
  /** What the mail is about: `welcome`, `order_shipped`, … */
  kind: string
  /** Which thing it is about: `user:12`, `order:7:items:3,4`. */
  entity: string
  recipient: string
  build: () => Promise<BaseMail>
}

/**
 * Sends a mail at most once per (kind, entity, recipient). The claim is
 * committed before the SMTP call, so a job retried after it sent (or after
 * a crash mid-send) skips the mail instead of sending it twice. A send that
 * fails cleanly releases the claim so the retry can try again.
 */
export async function sendOnce({ kind, entity, recipient, build }: OnceMail) {
  const to = recipient.toLowerCase()
  const { rows: claimed } = await db.rawQuery(
    `INSERT INTO sent_mails (kind, entity, recipient) VALUES (?, ?, ?)
     ON CONFLICT (kind, entity, recipient) DO NOTHING RETURNING id`,
    [kind, entity, to]
  )
  if (claimed.length === 0) return false
  const id = claimed[0].id
  try {
    const message = await build()
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
