import type { HttpContext } from '@adonisjs/core/http'
import InvoicePolicy from '#policies/invoice_policy'
import { NotFoundError } from '#exceptions/domain_errors'
import { findInvoicedOrder } from '#services/invoices/invoice_state'
import { invoiceFile } from '#services/invoices/invoice_files'
import { sendInvoicePdf } from '#controllers/support/invoice_pdf'

export default class InvoicesController {
  /**
   * The order's GST invoices as one PDF (a page per seller). 409 before
   * payment, 202 while the invoice job has not finished.
   */
  async show({ bouncer, params, response }: HttpContext) {
    const order = await findInvoicedOrder(params.id)
    // Someone else's order is indistinguishable from a missing one.
    if (!order || (await bouncer.with(InvoicePolicy).denies('download', order))) {
      throw new NotFoundError('Order not found')
    }
    const file = invoiceFile(order)
    if (!file) {
      response.header('Retry-After', '5')
      return response.accepted({ data: { status: 'pending', url: null } })
    }
    return sendInvoicePdf(response, file)
  }
}
