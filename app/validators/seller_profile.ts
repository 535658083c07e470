import vine from '@vinejs/vine'
import { INDIAN_STATES, type IndianState } from '#enums/indian_states'
import { gstinRule } from '#validators/rules/gstin'

/** A seller's business details; `meta.userId` is the seller, so its own GSTIN is not a duplicate. */
export const sellerProfileValidator = vine.withMetaData<{ userId: number }>().compile(
  vine.object({
    business_name: vine.string().trim().minLength(2).maxLength(160),
    gstin: vine
      .string()
      .trim()
      .toUpperCase()
      .use(gstinRule())
      .unique({
        table: 'seller_profiles',
        column: 'gstin',
        filter: (db, _value, field) => {
          db.whereNot('user_id', field.meta.userId)
        },
      })
      .nullable(),
    address_line1: vine.string().trim().minLength(3).maxLength(200).nullable(),
    address_line2: vine.string().trim().maxLength(200).nullable(),
    city: vine.string().trim().minLength(2).maxLength(80).nullable(),
    state: vine.enum(Object.keys(INDIAN_STATES) as IndianState[]).nullable(),
    // Indian PIN codes: six digits, never starting with 0.
    pincode: vine
      .string()
      .trim()
      .regex(/^[1-9]\d{5}$/)
      .nullable(),
  })
)
