import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Re-renders one order's invoices (`--order=ID`, numbers unchanged) or
 * generates every paid order's missing ones (`--missing`).
 */
export default class InvoicesGenerate extends BaseCommand {
  static commandName = 'invoices:generate'
  static description = 'Regenerate invoice PDFs (--order=ID) or create missing ones (--missing)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Order id to regenerate' })
  declare order?: number

  @flags.boolean({ description: 'Every paid order without finished invoices' })
  declare missing: boolean

  async run() {
    if (!this.order && !this.missing) {
      this.logger.error('Give --order=ID or --missing')
      this.exitCode = 1
      return
    }
    const { generateInvoices } = await import('#services/invoices/invoice_files')
    const { ordersMissingInvoices } = await import('#services/invoices/invoice_state')
    const { default: pdfRenderer } = await import('#services/invoices/pdf_renderer')
    const { default: outbox } = await import('#services/queue/outbox')
    const orderIds = this.order ? [this.order] : await ordersMissingInvoices()
    try {
      for (const orderId of orderIds) {
        try {
          const { invoices } = await generateInvoices(orderId, { force: Boolean(this.order) })
          this.logger.success(`order ${orderId}: ${invoices.map((i) => i.number).join(', ')}`)
        } catch (error) {
          this.logger.error(`order ${orderId}: ${(error as Error).message}`)
          this.exitCode = 1
        }
      }
      if (orderIds.length === 0) this.logger.info('No paid order is missing invoices')
      // Confirmation mails for orders whose invoices just became ready.
      await outbox.flush()
    } finally {
      await pdfRenderer.close()
    }
  }
}
