import { amountInWords, summariseLines, type InvoiceTotals } from '#services/tax/gst'
import type Invoice from '#models/invoice'
import type { DocumentType, PartySnapshot } from '#services/invoices/invoice_snapshot'

function stateLabel(party: PartySnapshot) {
  if (!party.state) return '—'
  return party.stateCode ? `${party.state} (${party.stateCode})` : party.state
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
  documentType: DocumentType
  /** A tax invoice shows GST heads; a bill of sale has none. */
  taxed: boolean
  supplier: PartySnapshot & { stateLabel: string }
  buyer: PartySnapshot & { stateLabel: string }
  placeOfSupply: string
  intra: boolean
  totals: InvoiceTotals
  totalInWords: string
}

/**
 * What the PDF prints, from the invoice row alone (its snapshot), never
 * from live profiles: an issued invoice re-renders identically.
 */
export function invoiceView(invoice: Invoice, orderNumber: string): InvoiceView {
  const totals = summariseLines(invoice.lines)
  return {
    number: invoice.number,
    date: DATE_FORMAT.format(invoice.issuedAt.toJSDate()),
    orderNumber,
    documentType: invoice.documentType,
    taxed: invoice.documentType === 'tax_invoice',
    supplier: { ...invoice.supplier, stateLabel: stateLabel(invoice.supplier) },
    buyer: { ...invoice.buyer, stateLabel: stateLabel(invoice.buyer) },
    placeOfSupply: stateLabel(invoice.buyer),
    intra: invoice.supplyType === 'intra',
    totals,
    totalInWords: amountInWords(totals.total),
  }
}
