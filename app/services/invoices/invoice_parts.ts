import {
  GOODS_UNIT,
  invoiceTotals,
  isIntraState,
  sellerState,
  stateCode,
  untaxedTotals,
  type InvoiceLineInput,
} from '#services/tax/gst'
import type { OrderDetails, SellerDetails } from '#services/orders/order_details'
import type {
  DocumentType,
  InvoiceSnapshot,
  LineSnapshot,
  PartySnapshot,
} from '#services/invoices/invoice_snapshot'

/** SAC of courier services: the shipping line is a service, not goods. */
const SHIPPING_SAC = '9968'

/** How invoices already issued were taxed, per seller id (for the snapshot backfill). */
export type IssuedAs = Map<number, { intra: boolean; documentType: DocumentType }>

function addressLines(parts: Array<string | null | undefined>) {
  return parts.map((part) => part?.trim()).filter(Boolean) as string[]
}

function supplierOf(seller: SellerDetails): PartySnapshot {
  const state = sellerState(seller.state, seller.gstin)
  return {
    name: seller.businessName,
    addressLines: addressLines([
      seller.addressLine1,
      seller.addressLine2,
      [seller.city, seller.pincode].filter(Boolean).join(' '),
    ]),
    state,
    stateCode: stateCode(state),
    gstin: seller.gstin,
  }
}

function buyerOf(order: OrderDetails): PartySnapshot {
  const address = order.shippingAddress
  const state = address.state ?? null
  return {
    name: address.name || order.customer.fullName,
    addressLines: addressLines([
      address.line1,
      address.line2,
      [address.city, address.pincode].filter(Boolean).join(' '),
    ]),
    state,
    stateCode: stateCode(state),
    gstin: order.buyerGstin,
    phone: address.phone ?? null,
  }
}

/**
 * Each seller's document for an order, as it is issued: supplier, buyer and
 * every line with its tax heads (`snapshot`, stored on the invoice row), plus
 * its totals.
 *
 * Shipping is charged once per order. It appears as its own line on the
 * invoice of the seller with the lowest id (deterministic, so regeneration
 * never moves it), taxed at the rate of that invoice's principal (largest)
 * line, as for a composite supply. The invoices of an order therefore add
 * up to orders.total_paise exactly.
 *
 * A seller without a GSTIN issues a bill of sale: no tax in any line.
 */
export function invoiceParts(order: OrderDetails, issuedAs?: IssuedAs) {
  return order.sellers.map((seller, index) => {
    const items = order.items.filter((item) => item.sellerId === seller.id)
    const lines: InvoiceLineInput[] = items.map((item) => ({
      description: item.title,
      hsnCode: item.hsnCode,
      unit: GOODS_UNIT,
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
        hsnCode: SHIPPING_SAC,
        unit: null,
        quantity: 1,
        unitPricePaise: shippingPaise,
        lineTotalPaise: shippingPaise,
        gstRate: principal?.gstRate ?? 18,
      })
    }
    const supplier = supplierOf(seller)
    const buyer = buyerOf(order)
    const issued = issuedAs?.get(seller.id)
    const documentType: DocumentType =
      issued?.documentType ?? (seller.gstin ? 'tax_invoice' : 'bill_of_sale')
    const intra = issued?.intra ?? isIntraState(supplier.state, buyer.state)
    const totals =
      documentType === 'tax_invoice' ? invoiceTotals(lines, intra) : untaxedTotals(lines)
    const snapshot: InvoiceSnapshot = {
      documentType,
      supplier,
      buyer,
      lines: totals.lines.map((line) => ({
        ...line,
        hsnCode: line.hsnCode ?? null,
        unit: line.unit ?? null,
      })) satisfies LineSnapshot[],
    }
    return { seller, snapshot, shippingPaise, intra, totals }
  })
}
