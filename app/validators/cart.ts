import vine from '@vinejs/vine'
import { MAX_QUANTITY_PER_ITEM } from '#models/cart_item'

const quantity = () => vine.number().withoutDecimals().min(1).max(MAX_QUANTITY_PER_ITEM)

export const addToCartValidator = vine.compile(
  vine.object({
    product_id: vine.number().withoutDecimals().min(1).max(2_147_483_647),
    quantity: quantity(),
  })
)

export const updateCartItemValidator = vine.compile(
  vine.object({
    quantity: quantity(),
  })
)
