import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Order from '#models/order'
import Invoice from '#models/invoice'
import { ConflictError, NotFoundError } from '#exceptions/domain_errors'
import { financialYear, invoiceNumber } from '#services/tax/gst'
import { loadOrderDetails, wasPaid } from '#services/orders/order_details'
import { invoiceParts, type IssuedAs } from '#services/invoices/invoice_parts'
import { cancelledBeforeInvoicing } from '#services/invoices/invoice_state'

/**
 * Gives each seller of a paid order its invoice number, once. The order row
 * is locked so two jobs for one order cannot both number it; each counter
 * row is locked FOR UPDATE (sellers in id order, so concurrent orders never
 * deadlock) and the numbers are consecutive per seller per financial year.
 * Supplier, buyer and lines are snapshotted into the row here: the PDF is
 * rendered from them alone. An order cancelled before it was invoiced gets
 * no invoice (a credit note is for cancellations after invoicing).
 */
export async function assignInvoiceNumbers(orderId: number) {
  return db.transaction(async (trx) => {
    const locked = await Order.query({ client: trx }).where('id', orderId).forUpdate().first()
    if (!locked) throw new NotFoundError('Order not found')
    if (!wasPaid(locked)) {
      throw new ConflictError('The order has not been paid', 'E_ORDER_NOT_PAID')
    }
    const order = (await loadOrderDetails(orderId, trx))!
    const existing = await Invoice.query({ client: trx }).where('order_id', orderId)
    if (cancelledBeforeInvoicing(locked, existing)) return []
    const issuedAt = locked.paidAt ?? DateTime.now()
    const fy = financialYear(issuedAt.toJSDate())
    for (const part of invoiceParts(order)) {
      if (existing.some((invoice) => invoice.sellerId === part.seller.id)) continue
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
      await Invoice.create(
        {
          orderId,
          sellerId: part.seller.id,
          number: invoiceNumber(fy, sequence),
          financialYear: fy,
          sequence,
          issuedAt,
          supplyType: part.intra ? 'intra' : 'inter',
          documentType: part.snapshot.documentType,
          supplier: part.snapshot.supplier,
          buyer: part.snapshot.buyer,
          lines: part.snapshot.lines,
          taxablePaise: part.totals.taxable,
          cgstPaise: part.totals.cgst,
          sgstPaise: part.totals.sgst,
          igstPaise: part.totals.igst,
          shippingPaise: part.shippingPaise,
          totalPaise: part.totals.total,
        },
        { client: trx }
      )
    }
    return Invoice.query({ client: trx }).where('order_id', orderId).orderBy('seller_id')
  })
}

/**
 * Gives invoices numbered before snapshots existed their snapshot from the
 * current profiles and order rows, keeping the tax split each was issued
 * with. Used once, by migration 1720_invoice_snapshots_and_hsn.
 */
export async function backfillInvoiceSnapshots(client: QueryClientContract) {
  const rows = await client
    .from('invoices')
    .whereNull('lines')
    .orderBy('id')
    .select('id', 'order_id', 'seller_id', 'supply_type')
  const orderIds = [...new Set(rows.map((row) => row.order_id as number))]
  for (const orderId of orderIds) {
    const order = (await loadOrderDetails(orderId, client))!
    const issued = rows.filter((row) => row.order_id === orderId)
    const issuedAs: IssuedAs = new Map(
      issued.map((row) => [
        row.seller_id,
        { intra: row.supply_type === 'intra', documentType: 'tax_invoice' },
      ])
    )
    for (const part of invoiceParts(order, issuedAs)) {
      const row = issued.find((r) => r.seller_id === part.seller.id)
      if (!row) continue
      await client
        .from('invoices')
        .where('id', row.id)
        .update({
          document_type: part.snapshot.documentType,
          supplier: JSON.stringify(part.snapshot.supplier),
          buyer: JSON.stringify(part.snapshot.buyer),
          lines: JSON.stringify(part.snapshot.lines),
        })
    }
  }
}
