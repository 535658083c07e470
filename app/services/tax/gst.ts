/**
 * GST maths for tax invoices. Pure functions on integer paise; formatting
 * (₹ with Indian digit grouping, amounts in words) for views, PDFs and mails.
 */
import { gstCodeForState, stateForGstCode, stateKey } from '#enums/indian_states'

/** GST state code of a state name ("Karnataka" → "29"), or null when unknown. */
export function stateCode(name: string | null | undefined) {
  if (!name) return null
  return gstCodeForState(name) ?? null
}

/** The state a GSTIN is registered in, from its first two digits. */
export function stateFromGstin(gstin: string | null | undefined) {
  if (!gstin) return null
  return stateForGstCode(gstin.slice(0, 2)) ?? null
}

/**
 * The supplier's state for the tax head: a registered seller's GSTIN state
 * (its profile address is kept in that state, see supplier_identity.ts),
 * else the state of its address.
 */
export function sellerState(
  profileState: string | null | undefined,
  gstin: string | null | undefined
) {
  return stateFromGstin(gstin) ?? (profileState?.trim() || null)
}

/** Same state when the names (or their codes) match, whatever the spelling. */
export function isIntraState(a: string | null | undefined, b: string | null | undefined) {
  if (!a || !b) return false
  const codeA = stateCode(a)
  const codeB = stateCode(b)
  if (codeA && codeB) return codeA === codeB
  return stateKey(a) === stateKey(b)
}

/** Integer division rounded half up (inputs are non-negative). */
function divRound(numerator: number, denominator: number) {
  return Math.floor((2 * numerator + denominator) / (2 * denominator))
}

export interface TaxSplit {
  taxable: number
  tax: number
  cgst: number
  sgst: number
  igst: number
}

/**
 * Tax inside a GST-inclusive amount: taxable = round(total × 100 / (100 + rate)),
 * tax = total − taxable. Intra-state: CGST + SGST, halves, the odd paisa to SGST.
 */
export function splitInclusive(
  totalPaise: number,
  ratePercent: number,
  intraState: boolean
): TaxSplit {
  if (!Number.isInteger(totalPaise) || totalPaise < 0) {
    throw new RangeError(`amount must be whole non-negative paise, got ${totalPaise}`)
  }
  const taxable = divRound(totalPaise * 100, 100 + ratePercent)
  const tax = totalPaise - taxable
  if (!intraState) return { taxable, tax, cgst: 0, sgst: 0, igst: tax }
  const cgst = Math.floor(tax / 2)
  return { taxable, tax, cgst, sgst: tax - cgst, igst: 0 }
}

/** Unit quantity code printed on invoice lines (GSTN's UQC for "numbers"). */
export const GOODS_UNIT = 'NOS'

export interface InvoiceLineInput {
  description: string
  /** HSN (goods) or SAC (services) code; null when the catalogue has none. */
  hsnCode?: string | null
  /** `NOS` for goods; null for a service line such as shipping. */
  unit?: string | null
  quantity: number
  unitPricePaise: number
  lineTotalPaise: number
  gstRate: number
}

export interface InvoiceLine extends InvoiceLineInput, TaxSplit {}

export interface InvoiceTotals {
  lines: InvoiceLine[]
  taxable: number
  cgst: number
  sgst: number
  igst: number
  tax: number
  total: number
  /** Per GST rate: taxable value and tax, for the rate-wise summary. */
  byRate: Array<{ rate: number } & TaxSplit>
}

/**
 * Whether a seller may supply goods to a buyer in `toState`. A seller without
 * a GSTIN may sell on a marketplace only within its own state (the
 * composition-free exemption for small suppliers through e-commerce
 * operators, notified from 1 October 2023) and charges no tax.
 */
export function canSupplyTo(
  seller: { gstin: string | null; state: string | null },
  toState: string | null | undefined
) {
  return Boolean(seller.gstin) || isIntraState(sellerState(seller.state, seller.gstin), toState)
}

/** Lines taxed one by one; totals are their sums, so everything adds up to the paisa. */
export function invoiceTotals(lines: InvoiceLineInput[], intraState: boolean): InvoiceTotals {
  return summariseLines(
    lines.map((line) => ({
      ...line,
      ...splitInclusive(line.lineTotalPaise, line.gstRate, intraState),
    }))
  )
}

/** An unregistered supplier's lines: the whole amount is the value, no tax in it. */
export function untaxedTotals(lines: InvoiceLineInput[]): InvoiceTotals {
  return summariseLines(
    lines.map((line) => ({
      ...line,
      gstRate: 0,
      taxable: line.lineTotalPaise,
      tax: 0,
      cgst: 0,
      sgst: 0,
      igst: 0,
    }))
  )
}

/** Totals and the rate-wise summary of lines already taxed (an issued invoice's snapshot). */
export function summariseLines(taxed: InvoiceLine[]): InvoiceTotals {
  const sum = (rows: TaxSplit[], field: keyof TaxSplit) =>
    rows.reduce((total, row) => total + row[field], 0)
  const rates = [...new Set(taxed.map((line) => line.gstRate))].sort((a, b) => a - b)
  const byRate = rates.map((rate) => {
    const rows = taxed.filter((line) => line.gstRate === rate)
    return {
      rate,
      taxable: sum(rows, 'taxable'),
      tax: sum(rows, 'tax'),
      cgst: sum(rows, 'cgst'),
      sgst: sum(rows, 'sgst'),
      igst: sum(rows, 'igst'),
    }
  })
  return {
    lines: taxed,
    taxable: sum(taxed, 'taxable'),
    cgst: sum(taxed, 'cgst'),
    sgst: sum(taxed, 'sgst'),
    igst: sum(taxed, 'igst'),
    tax: sum(taxed, 'tax'),
    total: taxed.reduce((total, line) => total + line.lineTotalPaise, 0),
    byRate,
  }
}

/** Indian financial year (April–March) of a date in IST, e.g. "2026-27". */
export function financialYear(date: Date) {
  // IST has no daylight saving: a fixed +05:30 offset is exact.
  const ist = new Date(date.getTime() + 330 * 60_000)
  const year = ist.getUTCMonth() >= 3 ? ist.getUTCFullYear() : ist.getUTCFullYear() - 1
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`
}

/**
 * Rule 46(b) of the CGST Rules (and GSTR-1, the e-invoice schema) allow at
 * most 16 characters: `INV/26-27/000042`. A seventh sequence digit would
 * break that, so it fails loudly instead of issuing a non-compliant number.
 */
export const DOCUMENT_NUMBER_MAX_LENGTH = 16

export function invoiceNumber(fy: string, sequence: number) {
  const [start, end] = fy.split('-')
  const number = `INV/${start.slice(-2)}-${end}/${String(sequence).padStart(6, '0')}`
  if (number.length > DOCUMENT_NUMBER_MAX_LENGTH) {
    throw new Error(
      `Invoice number ${number} is longer than ${DOCUMENT_NUMBER_MAX_LENGTH} characters`
    )
  }
  return number
}

/** ₹ with Indian digit grouping: 11800050 → "₹1,18,000.50". */
export function formatInr(paise: number, symbol = '₹') {
  const negative = paise < 0
  const abs = Math.abs(paise)
  const rupees = String(Math.floor(abs / 100))
  const fraction = String(abs % 100).padStart(2, '0')
  const last3 = rupees.slice(-3)
  const rest = rupees.slice(0, -3)
  const grouped = rest ? `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${last3}` : last3
  return `${negative ? '-' : ''}${symbol}${grouped}.${fraction}`
}

const ONES = [
  '',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
  'Thirteen',
  'Fourteen',
  'Fifteen',
  'Sixteen',
  'Seventeen',
  'Eighteen',
  'Nineteen',
]
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety']

function belowHundred(n: number) {
  if (n < 20) return ONES[n]
  return [TENS[Math.floor(n / 10)], ONES[n % 10]].filter(Boolean).join(' ')
}

function belowThousand(n: number) {
  const hundreds = Math.floor(n / 100)
  const rest = n % 100
  return [hundreds ? `${ONES[hundreds]} Hundred` : '', rest ? belowHundred(rest) : '']
    .filter(Boolean)
    .join(' ')
}

/** Indian numbering in words: 12345678 → "One Crore Twenty Three Lakh Forty Five Thousand Six Hundred Seventy Eight". */
export function numberInWords(n: number): string {
  if (n === 0) return 'Zero'
  const crore = Math.floor(n / 10_000_000)
  const lakh = Math.floor((n % 10_000_000) / 100_000)
  const thousand = Math.floor((n % 100_000) / 1000)
  const rest = n % 1000
  return [
    crore ? `${numberInWords(crore)} Crore` : '',
    lakh ? `${belowHundred(lakh)} Lakh` : '',
    thousand ? `${belowHundred(thousand)} Thousand` : '',
    rest ? belowThousand(rest) : '',
  ]
    .filter(Boolean)
    .join(' ')
}

/** 118050 → "Rupees One Thousand One Hundred Eighty and Fifty Paise Only". */
export function amountInWords(paise: number) {
  const rupees = Math.floor(paise / 100)
  const rest = paise % 100
  const words = `Rupees ${numberInWords(rupees)}`
  if (!rest) return `${words} Only`
  return `${words} and ${belowHundred(rest)} ${rest === 1 ? 'Paisa' : 'Paise'} Only`
}
