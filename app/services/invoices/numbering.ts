import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import Invoice from '#models/invoice'
import { ConflictError, NotFoundError } from '#exceptions/domain_errors'
import { financialYear, invoiceNumber } from '#services/tax/gst'
import { loadOrderDetails, wasPaid } from '#services/orders/order_details'
import { invoiceParts } from '#services/invoices/invoice_parts'

/**
 * Gives each seller of a paid order its invoice number, once. The order row
 * is locked so two jobs for one order cannot both number it; each counter
 * row is locked FOR UPDATE (sellers in id order, so concurrent orders never
 * deadlock) and the numbers are consecutive per seller per financial year.
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
