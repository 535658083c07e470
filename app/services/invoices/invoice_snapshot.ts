import type { InvoiceLine } from '#services/tax/gst'

/** A tax invoice from a GST-registered seller, or a bill of sale from an unregistered one. */
export type DocumentType = 'tax_invoice' | 'bill_of_sale'

/** A party as printed on an issued document. */
export interface PartySnapshot {
  name: string
  addressLines: string[]
  state: string | null
  stateCode: string | null
  gstin: string | null
  phone?: string | null
}

/** A line as printed: description, HSN, unit, amounts and the tax heads it was issued with. */
export type LineSnapshot = InvoiceLine & { hsnCode: string | null; unit: string | null }

/** Everything an issued document prints, written once when it is numbered. */
export interface InvoiceSnapshot {
  documentType: DocumentType
  supplier: PartySnapshot
  buyer: PartySnapshot
  lines: LineSnapshot[]
}
