import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import edge from 'edge.js'
import pdfRenderer from '#services/invoices/pdf_renderer'
import outbox from '#services/queue/outbox'
import Invoice from '#models/invoice'
import { assignInvoiceNumbers } from '#services/invoices/numbering'
import { invoiceView, type InvoiceView } from '#services/invoices/invoice_view'
import { invoiceStateOf, type InvoicedOrder } from '#services/invoices/invoice_state'
import { wasPaid } from '#services/orders/order_details'
import Order from '#models/order'
import { ConflictError } from '#exceptions/domain_errors'

/** Invoices live on the private disk; downloads go through the API's authorisation. */
function folderFor(orderId: number) {
  return `invoices/${orderId}`
}

export function orderInvoicePath(orderId: number) {
  return `${folderFor(orderId)}/invoices.pdf`
}

/**
 * The PDF a download serves: the customer's document with every seller's
 * invoice, or with `sellerId` that seller's own copy. Null while it is
 * being generated; before the order is paid there is nothing to download.
 */
export function invoiceFile(
  order: InvoicedOrder,
  sellerId?: number
): { path: string; filename: string } | null {
  if (!wasPaid(order)) {
    throw new ConflictError(
      'The order has not been paid; no invoice exists yet',
      'E_ORDER_NOT_PAID'
    )
  }
  if (invoiceStateOf(order) === 'none') {
    throw new ConflictError(
      'The order was cancelled before it was invoiced; no invoice was issued',
      'E_NO_INVOICE'
    )
  }
  if (sellerId === undefined) {
    if (invoiceStateOf(order) !== 'ready') return null
    return { path: orderInvoicePath(order.id), filename: `Invoice-${order.number}.pdf` }
  }
  const own = order.invoices.find((invoice) => invoice.sellerId === sellerId && invoice.isReady)
  if (!own) return null
  return { path: own.pdfPath!, filename: `Invoice-${fileName(own.number)}.pdf` }
}

/** INV/2026-27/000042 → INV-2026-27-000042 */
function fileName(invoiceNumber: string) {
  return invoiceNumber.replace(/\//g, '-')
}

function sellerInvoicePath(invoice: Invoice) {
  return `${folderFor(invoice.orderId)}/${fileName(invoice.number)}.pdf`
}

export async function renderInvoicePdf(views: InvoiceView[]) {
  const html = await edge.render('invoices/document', { invoices: views })
  return pdfRenderer.render(html)
}

/**
 * Numbers (once), renders and stores the invoices of a paid order: one PDF
 * per seller and one combined document (a page per seller) for the
 * customer. Safe to run twice; `force` re-renders without renumbering.
 * When they first become ready, `order.invoiced` is recorded in the outbox.
 * An order cancelled before it was invoiced gets nothing.
 */
export async function generateInvoices(orderId: number, options: { force?: boolean } = {}) {
  const invoices = await assignInvoiceNumbers(orderId)
  if (invoices.length === 0) return { invoices, combinedPath: null, becameReady: false }
  const order = await Order.findOrFail(orderId)
  const disk = drive.use('private')
  const views = invoices.map((invoice) => invoiceView(invoice, order.number))
  let rendered = 0

  for (const [index, invoice] of invoices.entries()) {
    const path = sellerInvoicePath(invoice)
    if (!options.force && invoice.isReady && (await disk.exists(path))) continue
    await disk.put(path, await renderInvoicePdf([views[index]]), { contentType: 'application/pdf' })
    rendered++
  }
  const combined = orderInvoicePath(orderId)
  if (options.force || rendered > 0 || !(await disk.exists(combined))) {
    await disk.put(combined, await renderInvoicePdf(views), { contentType: 'application/pdf' })
  }
  // Marking the invoices ready and announcing it commit together, so a crash
  // in between cannot lose the customer's confirmation mail.
  const now = new Date()
  const becameReady = await db.transaction(async (trx) => {
    let fresh = 0
    for (const invoice of invoices) {
      // Conditional, so two workers finishing at once announce the invoices once.
      const query = Invoice.query({ client: trx }).where('id', invoice.id)
      if (!options.force) query.whereNull('generated_at')
      const [updated] = await query.update({
        pdf_path: sellerInvoicePath(invoice),
        generated_at: now,
        updated_at: now,
      })
      if (!invoice.isReady && Number(updated) > 0) fresh++
    }
    if (fresh > 0) await outbox.record(trx, 'order.invoiced', { orderId })
    return fresh > 0
  })
  return { invoices, combinedPath: combined, becameReady }
}
