import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'

const GSTIN_PATTERN = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/
const CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/**
 * The 15th character of a GSTIN is a mod-36 check digit over the first 14
 * (the scheme GSTN publishes); a typo in any character is caught here.
 */
export function gstinCheckDigit(first14: string) {
  let sum = 0
  for (let i = 0; i < 14; i++) {
    const product = CHARSET.indexOf(first14[i]) * (i % 2 === 0 ? 1 : 2)
    sum += Math.floor(product / 36) + (product % 36)
  }
  return CHARSET[(36 - (sum % 36)) % 36]
}

export function isValidGstin(value: string) {
  return GSTIN_PATTERN.test(value) && gstinCheckDigit(value.slice(0, 14)) === value[14]
}

/** The first two digits of a GSTIN are the GST state code of the registrant. */
export function gstinStateCode(gstin: string) {
  return gstin.slice(0, 2)
}

export const gstinRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    if (!isValidGstin(value)) {
      field.report('The {{ field }} field must be a valid 15-character GSTIN', 'gstin', field)
    }
  }
)
