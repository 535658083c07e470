import db from '@adonisjs/lucid/services/db'
import { ConflictError, NotFoundError } from '#exceptions/domain_errors'
import { financialYear, invoiceNumber } from '#services/tax/gst'
import { loadOrderDetails, wasPaid } from '#services/orders/order_details'
import { invoiceParts } from '#services/invoices/invoice_parts'

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
