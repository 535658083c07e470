import { amountInWords, stateCode, type InvoiceTotals } from '#services/tax/gst'
import type { OrderDetails, SellerDetails } from '#services/orders/order_details'
import { invoiceParts } from '#services/invoices/invoice_parts'
import type Invoice from '#models/invoice'

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

export function invoiceView(order: OrderDetails, invoice: Invoice): InvoiceView {
  const part = invoiceParts(order).find((p) => p.seller.id === invoice.sellerId)!
  const address = order.shippingAddress
  return {
    number: invoice.number,
    date: DATE_FORMAT.format(invoice.issuedAt.toJSDate()),
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
