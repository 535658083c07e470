import { Job } from '@rlanz/bull-queue'
import outbox from '#services/queue/outbox'
import { generateInvoices } from '#services/invoices/invoice_files'

/**
 * Numbers, renders and stores the GST invoices of a paid order, then
 * announces `order.invoiced` (the customer's confirmation mail attaches
 * the PDF). Safe to run twice: numbers are assigned once, finished PDFs
 * are not re-rendered.
 */
export default class GenerateInvoicesJob extends Job {
  static get $$filepath() {
    return import.meta.url
  }

  async handle({ orderId }: { orderId: number }) {
    const { becameReady } = await generateInvoices(orderId)
    if (becameReady) await outbox.flush()
  }

  async rescue({ orderId }: { orderId: number }, error: Error) {
    this.logger.error({ orderId }, `invoice generation failed for good: ${error.message}`)
  }
}
