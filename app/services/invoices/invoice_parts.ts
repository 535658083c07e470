import { invoiceTotals, isIntraState, sellerState, type InvoiceLineInput } from '#services/tax/gst'
import type { OrderDetails } from '#services/orders/order_details'

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
