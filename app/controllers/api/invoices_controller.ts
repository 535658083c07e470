import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import InvoicePolicy from '#policies/invoice_policy'
import { ConflictError, NotFoundError } from '#exceptions/domain_errors'
import { invoiceState } from '#services/invoices/invoice_state'
import { orderInvoicePath } from '#services/invoices/invoice_files'

export default class InvoicesController {
  /**
   * The order's GST invoices as one PDF (a page per seller). 409 before
   * payment, 202 while the invoice job has not finished.
   */
  async show({ bouncer, params, response }: HttpContext) {
    const order = await db
      .from('orders')
      .where('id', params.id)
      .select('id', 'number', 'customer_id')
      .first()
    // Someone else's order is indistinguishable from a missing one.
    if (
      !order ||
      (await bouncer.with(InvoicePolicy).denies('download', { customerId: order.customer_id }))
    ) {
      throw new NotFoundError('Order not found')
    }
    const state = await invoiceState(order.id)
    if (state === 'unpaid') {
      throw new ConflictError(
        'The order has not been paid; no invoice exists yet',
        'E_ORDER_NOT_PAID'
      )
    }
    if (state === 'pending') {
      response.header('Retry-After', '5')
      return response.accepted({ data: { status: 'pending', url: null } })
    }
    const bytes = await drive.use('private').getBytes(orderInvoicePath(order.id))
    response.header('Content-Type', 'application/pdf')
    response.header('Content-Disposition', `inline; filename="Invoice-${order.number}.pdf"`)
    response.header('Cache-Control', 'private, no-store')
    return response.send(Buffer.from(bytes))
  }
}
