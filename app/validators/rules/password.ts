import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'

/** The handful of passwords every credential-stuffing list starts with. */
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyui',
  'qwerty123',
  'iloveyou',
  'abcd1234',
  '11111111',
  '00000000',
  'welcome1',
  'letmein1',
])

export const strongPasswordRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    if (COMMON.has(value.toLowerCase()) || /^(.)\1+$/.test(value)) {
      field.report('The {{ field }} field is too easy to guess', 'strongPassword', field)
    }
  }
)

/** `password` rules shared by registration, profile update and password reset. */
export const newPassword = () => vine.string().minLength(8).maxLength(128).use(strongPasswordRule())
