import vine from '@vinejs/vine'
import { addressSchema, sellerFields } from '#validators/seller_profile'
import { newPassword } from '#validators/rules/password'
import { indianPhone } from '#validators/rules/phone'

const email = () => vine.string().trim().maxLength(254).email().toLowerCase()

export const registerValidator = vine.compile(
  vine.object({
    email: email().unique({ table: 'users', column: 'email', caseInsensitive: true }),
    password: newPassword(),
    full_name: vine.string().trim().minLength(1).maxLength(120),
    // Admins are created with `node ace user:create --role=admin`, never here.
    role: vine.enum(['customer', 'seller'] as const),
    phone: indianPhone().optional(),
    business_name: vine
      .string()
      .trim()
      .minLength(2)
      .maxLength(160)
      .optional()
      .requiredWhen('role', '=', 'seller'),
    gstin: sellerFields.gstin().unique({ table: 'seller_profiles', column: 'gstin' }).optional(),
    pan: sellerFields.pan().optional(),
    // A seller's business address (printed on its invoices; needed before approval).
    address: addressSchema().optional(),
  })
)

export const loginValidator = vine.compile(
  vine.object({
    email: vine.string().trim().maxLength(254).toLowerCase(),
    password: vine.string().maxLength(128),
  })
)

export const updateMeValidator = vine.compile(
  vine.object({
    full_name: vine.string().trim().minLength(1).maxLength(120).optional(),
    phone: indianPhone().nullable().optional(),
    password: newPassword().optional(),
    current_password: vine.string().maxLength(128).optional().requiredIfExists('password'),
  })
)

export const forgotPasswordValidator = vine.compile(
  vine.object({
    email: vine.string().trim().maxLength(254).email().toLowerCase(),
  })
)

export const resetPasswordValidator = vine.compile(
  vine.object({
    token: vine.string().trim().minLength(10).maxLength(200),
    password: newPassword(),
  })
)
