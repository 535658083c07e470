import vine from '@vinejs/vine'
import { paginationFields } from '#validators/pagination'
import { SELLER_STATUSES } from '#enums/seller_status'
import { USER_ROLES } from '#enums/user_role'
import { ORDER_STATUSES } from '#enums/order_status'

export const listSellersValidator = vine.compile(
  vine.object({
    ...paginationFields,
    status: vine.enum(SELLER_STATUSES).optional(),
  })
)

export const listUsersValidator = vine.compile(
  vine.object({
    ...paginationFields,
    role: vine.enum(USER_ROLES).optional(),
    search: vine.string().trim().maxLength(100).optional(),
    is_active: vine.boolean().optional(),
  })
)

export const updateUserValidator = vine.compile(
  vine.object({
    is_active: vine.boolean(),
  })
)

export const listAllOrdersValidator = vine.compile(
  vine.object({
    ...paginationFields,
    status: vine.enum(ORDER_STATUSES).optional(),
    customer_id: vine.number().withoutDecimals().min(1).max(2_147_483_647).optional(),
    number: vine.string().trim().maxLength(32).optional(),
  })
)
