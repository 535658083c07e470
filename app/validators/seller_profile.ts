import vine from '@vinejs/vine'
import { INDIAN_STATES, type IndianState } from '#enums/indian_states'
import { gstinRule } from '#validators/rules/gstin'
import { PAN_PATTERN } from '#services/sellers/supplier_identity'

/** The fields of a seller's business details, shared by the panel form, the API and registration. */
export const sellerFields = {
  businessName: () => vine.string().trim().minLength(2).maxLength(160),
  gstin: () => vine.string().trim().toUpperCase().use(gstinRule()),
  pan: () => vine.string().trim().toUpperCase().regex(PAN_PATTERN),
  line1: () => vine.string().trim().minLength(3).maxLength(200),
  line2: () => vine.string().trim().maxLength(200),
  city: () => vine.string().trim().minLength(2).maxLength(80),
  state: () => vine.enum(Object.keys(INDIAN_STATES) as IndianState[]),
  // Indian PIN codes: six digits, never starting with 0.
  pincode: () =>
    vine
      .string()
      .trim()
      .regex(/^[1-9]\d{5}$/),
}

/** A GSTIN unique among sellers; `meta.userId` is the seller, so its own GSTIN is not a duplicate. */
const ownGstin = () =>
  sellerFields
    .gstin()
    .unique({
      table: 'seller_profiles',
      column: 'gstin',
      filter: (db, _value, field) => {
        db.whereNot('user_id', field.meta.userId)
      },
    })
    .nullable()

/** The panel's profile form (flat fields). */
export const sellerProfileValidator = vine.withMetaData<{ userId: number }>().compile(
  vine.object({
    business_name: sellerFields.businessName(),
    gstin: ownGstin(),
    pan: sellerFields.pan().nullable().optional(),
    address_line1: sellerFields.line1().nullable(),
    address_line2: sellerFields.line2().nullable(),
    city: sellerFields.city().nullable(),
    state: sellerFields.state().nullable(),
    pincode: sellerFields.pincode().nullable(),
  })
)

/** The address as the API writes it, in registration and `PATCH /api/seller/profile`. */
export const addressSchema = () =>
  vine.object({
    line1: sellerFields.line1(),
    line2: sellerFields.line2().nullable().optional(),
    city: sellerFields.city(),
    state: sellerFields.state(),
    pincode: sellerFields.pincode(),
  })

/** `PATCH /api/seller/profile`: what is sent changes, what is left out stays. */
export const updateSellerProfileValidator = vine.withMetaData<{ userId: number }>().compile(
  vine.object({
    business_name: sellerFields.businessName().optional(),
    gstin: ownGstin().optional(),
    pan: sellerFields.pan().nullable().optional(),
    address: addressSchema().optional(),
  })
)
