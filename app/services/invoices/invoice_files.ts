import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import edge from 'edge.js'
import pdfRenderer from '#services/invoices/pdf_renderer'
import outbox from '#services/queue/outbox'
import { loadOrderDetails } from '#services/orders/order_details'
import { assignInvoiceNumbers, type InvoiceRow } from '#services/invoices/numbering'
import { invoiceView, type InvoiceView } from '#services/invoices/invoice_view'

/** Invoices live on the private disk; downloads go through the API's authorisation. */
function folderFor(orderId: number) {
  return `invoices/${orderId}`
}

/** A seller's own invoice of an order, once its PDF has been generated. */
export async function sellerInvoice(orderId: number, sellerId: number) {
  const row = await db
    .from('invoices')
    .where({ order_id: orderId, seller_id: sellerId })
    .whereNotNull('generated_at')
    .select('number', 'pdf_path')
    .first()
  return row ? { number: row.number as string, path: row.pdf_path as string } : null
}

export function orderInvoicePath(orderId: number) {
  return `${folderFor(orderId)}/invoices.pdf`
}

function sellerInvoicePath(invoice: InvoiceRow) {
  return `${folderFor(invoice.order_id)}/${invoice.number.replace(/\//g, '-')}.pdf`
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
 */
export async function generateInvoices(orderId: number, options: { force?: boolean } = {}) {
  const invoices = await assignInvoiceNumbers(orderId)
  const order = (await loadOrderDetails(orderId))!
  const disk = drive.use('private')
  const views = invoices.map((invoice) => invoiceView(order, invoice))
  let rendered = 0

  for (const [index, invoice] of invoices.entries()) {
    const path = sellerInvoicePath(invoice)
    if (!options.force && invoice.generated_at && (await disk.exists(path))) continue
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
      const query = trx.from('invoices').where('id', invoice.id)
      if (!options.force) query.whereNull('generated_at')
      const updated = await query.update({
        pdf_path: sellerInvoicePath(invoice),
        generated_at: now,
        updated_at: now,
      })
      const count = Array.isArray(updated) ? updated.length : Number(updated)
      if (!invoice.generated_at && count > 0) fresh++
    }
    if (fresh > 0) await outbox.record(trx, 'order.invoiced', { orderId })
    return fresh > 0
  })
  return { invoices, combinedPath: combined, becameReady }
}
