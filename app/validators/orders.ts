import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { canonicalState } from '#enums/indian_states'
import { ORDER_STATUSES } from '#enums/order_status'
import { indianPhone } from '#validators/rules/phone'
import { paginationFields } from '#validators/pagination'
import { gstinRule } from '#validators/rules/gstin'

const indianStateRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    const state = canonicalState(value)
    if (!state) {
      field.report(
        'The {{ field }} field must be an Indian state or union territory',
        'state',
        field
      )
      return
    }
    field.mutate(state, field)
  }
)

export const shippingAddressSchema = vine.object({
  name: vine.string().trim().minLength(2).maxLength(120),
  phone: indianPhone(),
  line1: vine.string().trim().minLength(3).maxLength(200),
  line2: vine.string().trim().maxLength(200).nullable().optional(),
  city: vine.string().trim().minLength(2).maxLength(80),
  state: vine.string().trim().maxLength(80).use(indianStateRule()),
  // Indian PIN codes: six digits, never starting with 0.
  pincode: vine
    .string()
    .trim()
    .regex(/^[1-9]\d{5}$/),
})

export const placeOrderValidator = vine.compile(
  vine.object({
    shipping_address: shippingAddressSchema,
    // A business buyer's GSTIN, printed on its invoices.
    buyer_gstin: vine.string().trim().toUpperCase().use(gstinRule()).nullable().optional(),
  })
)

/** Idempotency-Key header: printable ASCII, bounded. */
export const idempotencyKeyValidator = vine.compile(
  vine.object({
    key: vine
      .string()
      .minLength(1)
      .maxLength(255)
      .regex(/^[\x21-\x7E]+$/),
  })
)

export const listOrdersValidator = vine.compile(
  vine.object({
    ...paginationFields,
    status: vine.enum(ORDER_STATUSES).optional(),
  })
)
