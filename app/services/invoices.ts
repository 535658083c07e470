import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import edge from 'edge.js'
import env from '#start/env'
import { ConflictError, NotFoundError } from '#exceptions/domain_errors'
import pdfRenderer from '#services/pdf_renderer'
import outbox from '#services/outbox'
import {
  amountInWords,
  financialYear,
  invoiceNumber,
  invoiceTotals,
  isIntraState,
  sellerState,
  stateCode,
  type InvoiceLineInput,
  type InvoiceTotals,
} from '#services/gst'
import {
  loadOrderDetails,
  wasPaid,
  type OrderDetails,
  type SellerDetails,
} from '#services/order_details'

export interface InvoiceRow {
  id: number
  order_id: number
  seller_id: number
  number: string
  financial_year: string
  sequence: number
  issued_at: Date
  supply_type: 'intra' | 'inter'
  taxable_paise: number
  cgst_paise: number
  sgst_paise: number
  igst_paise: number
  shipping_paise: number
  total_paise: number
  pdf_path: string | null
  generated_at: Date | null
}

/**
 * Shipping is charged once per order. It appears as its own line on the
 * invoice of the seller with the lowest id (deterministic, so regeneration
 * never moves it), taxed at the rate of that invoice's principal (largest)
 * line, as for a composite supply. The invoices of an order therefore add
 * up to orders.total_paise exactly.
 */
export function invoiceParts(order: OrderDetails) {
  return order.sellers.map((seller, index) => {
    const items = order.items.filter((item) => item.sellerId === seller.id)
    const lines: InvoiceLineInput[] = items.map((item) => ({
      description: item.title,
      quantity: item.quantity,
      unitPricePaise: item.unitPricePaise,
      lineTotalPaise: item.lineTotalPaise,
      gstRate: item.gstRate,
    }))
    const shippingPaise = index === 0 ? order.shippingPaise : 0
    if (shippingPaise > 0) {
      const principal = [...items].sort(
        (a, b) => b.lineTotalPaise - a.lineTotalPaise || a.id - b.id
      )[0]
      lines.push({
        description: 'Shipping charges',
        quantity: 1,
        unitPricePaise: shippingPaise,
        lineTotalPaise: shippingPaise,
        gstRate: principal?.gstRate ?? 18,
      })
    }
    const fromState = sellerState(seller.state, seller.gstin)
    const toState = order.shippingAddress.state ?? null
    const intra = isIntraState(fromState, toState)
    return {
      seller,
      lines,
      shippingPaise,
      fromState,
      toState,
      intra,
      totals: invoiceTotals(lines, intra),
    }
  })
}

/**
 * Gives each seller of a paid order its invoice number, once. The order row
 * is locked so two jobs for one order cannot both number it; each counter
 * row is locked FOR UPDATE (sellers in id order, so concurrent orders never
 * deadlock) and the numbers are consecutive per seller per financial year.
 */
export async function assignInvoiceNumbers(orderId: number) {
  return db.transaction(async (trx) => {
    const locked = await trx.from('orders').where('id', orderId).forUpdate().first()
    if (!locked) throw new NotFoundError('Order not found')
    if (!wasPaid({ status: locked.status, paidAt: locked.paid_at })) {
      throw new ConflictError('The order has not been paid', 'E_ORDER_NOT_PAID')
    }
    const order = (await loadOrderDetails(orderId, trx))!
    const existing: InvoiceRow[] = await trx.from('invoices').where('order_id', orderId)
    const fy = financialYear(locked.paid_at ?? new Date())
    const issuedAt = locked.paid_at ?? new Date()
    for (const part of invoiceParts(order)) {
      if (existing.some((invoice) => invoice.seller_id === part.seller.id)) continue
      await trx.rawQuery(
        `INSERT INTO invoice_counters (seller_id, financial_year, last_sequence)
         VALUES (?, ?, 0) ON CONFLICT DO NOTHING`,
        [part.seller.id, fy]
      )
      const counter = await trx
        .from('invoice_counters')
        .where({ seller_id: part.seller.id, financial_year: fy })
        .forUpdate()
        .firstOrFail()
      const sequence = counter.last_sequence + 1
      await trx
        .from('invoice_counters')
        .where({ seller_id: part.seller.id, financial_year: fy })
        .update({ last_sequence: sequence })
      await trx.table('invoices').insert({
        order_id: orderId,
        seller_id: part.seller.id,
        number: invoiceNumber(fy, sequence),
        financial_year: fy,
        sequence,
        issued_at: issuedAt,
        supply_type: part.intra ? 'intra' : 'inter',
        taxable_paise: part.totals.taxable,
        cgst_paise: part.totals.cgst,
        sgst_paise: part.totals.sgst,
        igst_paise: part.totals.igst,
        shipping_paise: part.shippingPaise,
        total_paise: part.totals.total,
        created_at: new Date(),
        updated_at: new Date(),
      })
    }
    return (await trx
      .from('invoices')
      .where('order_id', orderId)
      .orderBy('seller_id')) as InvoiceRow[]
  })
}

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

function addressLines(parts: Array<string | null | undefined>) {
  return parts.map((part) => part?.trim()).filter(Boolean) as string[]
}

function stateLabel(state: string | null) {
  if (!state) return '—'
  const code = stateCode(state)
  return code ? `${state} (${code})` : state
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-IN', {
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  timeZone: 'Asia/Kolkata',
})

export interface InvoiceView {
  number: string
  date: string
  orderNumber: string
  seller: SellerDetails & { addressLines: string[]; stateLabel: string }
  buyer: { name: string; phone: string | null; addressLines: string[]; stateLabel: string }
  placeOfSupply: string
  intra: boolean
  totals: InvoiceTotals
  totalInWords: string
}

export function invoiceView(order: OrderDetails, invoice: InvoiceRow): InvoiceView {
  const part = invoiceParts(order).find((p) => p.seller.id === invoice.seller_id)!
  const address = order.shippingAddress
  return {
    number: invoice.number,
    date: DATE_FORMAT.format(new Date(invoice.issued_at)),
    orderNumber: order.number,
    seller: {
      ...part.seller,
      addressLines: addressLines([
        part.seller.addressLine1,
        part.seller.addressLine2,
        [part.seller.city, part.seller.pincode].filter(Boolean).join(' '),
      ]),
      stateLabel: stateLabel(part.fromState),
    },
    buyer: {
      name: address.name || order.customer.fullName,
      phone: address.phone ?? null,
      addressLines: addressLines([
        address.line1,
        address.line2,
        [address.city, address.pincode].filter(Boolean).join(' '),
      ]),
      stateLabel: stateLabel(part.toState),
    },
    placeOfSupply: stateLabel(part.toState),
    intra: part.intra,
    totals: part.totals,
    totalInWords: amountInWords(part.totals.total),
  }
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

/** Paid orders whose invoices are missing or not rendered yet. */
export async function ordersMissingInvoices() {
  const rows = await db
    .from('orders')
    .where((query) =>
      query.whereIn('status', ['paid', 'shipped', 'delivered']).orWhereNotNull('paid_at')
    )
    .where((query) =>
      query.whereExists((sub) =>
        sub
          .from('order_items')
          .whereColumn('order_items.order_id', 'orders.id')
          .whereNotExists((inv) =>
            inv
              .from('invoices')
              .whereColumn('invoices.order_id', 'orders.id')
              .whereColumn('invoices.seller_id', 'order_items.seller_id')
              .whereNotNull('invoices.generated_at')
          )
      )
    )
    .orderBy('id')
    .select('id')
  return rows.map((row) => row.id as number)
}

export type InvoiceState = 'unpaid' | 'pending' | 'ready'

/** Whether the order's invoice document can be downloaded yet. */
export async function invoiceState(orderId: number): Promise<InvoiceState> {
  const order = await db.from('orders').where('id', orderId).select('status', 'paid_at').first()
  if (!order || !wasPaid({ status: order.status, paidAt: order.paid_at })) return 'unpaid'
  const [counts] = await db
    .from('order_items')
    .where('order_id', orderId)
    .select(
      db.raw('count(DISTINCT seller_id)::int AS sellers'),
      db.raw(
        `(SELECT count(*)::int FROM invoices WHERE order_id = ? AND generated_at IS NOT NULL) AS ready`,
        [orderId]
      )
    )
  return counts.sellers > 0 && counts.ready >= counts.sellers ? 'ready' : 'pending'
}

/**
 * For the order JSON: `{ status: 'pending' | 'ready', url }`, or null while
 * the order is unpaid (no invoice will exist until it is).
 */
export async function invoiceSummary(orderId: number) {
  const state = await invoiceState(orderId)
  if (state === 'unpaid') return null
  return {
    status: state,
    url: state === 'ready' ? `${env.get('APP_URL')}/api/orders/${orderId}/invoice` : null,
  }
}
