import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'

const INDIAN_MOBILE = /^(?:\+?91|0)?([6-9]\d{9})$/

/**
 * Indian mobile numbers as people type them (`+91 98765 43210`,
 * `098765-43210`), stored as the bare ten digits.
 */
const indianPhoneRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    const match = value.replace(/[\s\-()]/g, '').match(INDIAN_MOBILE)
    if (!match) {
      field.report('The {{ field }} field must be a valid Indian mobile number', 'phone', field)
      return
    }
    field.mutate(match[1], field)
  }
)

export const indianPhone = () => vine.string().trim().maxLength(20).use(indianPhoneRule())
