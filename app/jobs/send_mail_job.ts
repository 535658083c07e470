import { Job } from '@rlanz/bull-queue'
import { sendOnce } from '#services/messaging/mail_ledger'
import { outgoingMails, type MailPayload } from '#mails/outgoing'

export type { MailPayload }

/**
 * Sends the mail(s) a payload stands for, each at most once (sent_mails):
 * a retry after a partial failure sends only what is still missing.
 */
export default class SendMailJob extends Job {
  static get $$filepath() {
    return import.meta.url
  }

  async handle(payload: MailPayload) {
    for (const outgoing of await outgoingMails(payload)) {
      await sendOnce(outgoing)
    }
  }

  async rescue(payload: MailPayload, error: Error) {
    this.logger.error({ mail: payload.mail }, `mail failed for good: ${error.message}`)
  }
}
