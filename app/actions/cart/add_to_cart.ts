import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { MAX_QUANTITY_PER_ITEM } from '#models/cart_item'
import { ConflictError, FieldInvalidError } from '#exceptions/domain_errors'
import { sellable } from '#services/catalog/sellable'

/**
 * Adds a product to the cart, or adds to the quantity already there.
 * The add is one atomic upsert, then the merged quantity is checked
 * against the per-item limit and the stock (rolled back if over), so two
 * quick taps can neither lose an add nor slip past a limit.
 */
export default class AddToCart {
  async handle(user: User, productId: number, quantity: number) {
    return db.transaction(async (trx) => {
      const product = await trx
        .from('products as p')
        .where('p.id', productId)
        .whereRaw(sellable('p'))
        .select('p.id', 'p.title', 'p.stock')
        .first()
      if (!product) {
        throw new FieldInvalidError(
          'product_id',
          'exists',
          'This product does not exist or is not for sale'
        )
      }

      const { rows } = await trx.rawQuery(
        `INSERT INTO cart_items (user_id, product_id, quantity, created_at, updated_at)
         VALUES (?, ?, ?, now(), now())
         ON CONFLICT (user_id, product_id)
         DO UPDATE SET quantity = LEAST(cart_items.quantity + EXCLUDED.quantity, 1000), updated_at = now()
         RETURNING id, quantity`,
        [user.id, productId, quantity]
      )
      const merged: number = rows[0].quantity
      if (merged > MAX_QUANTITY_PER_ITEM) {
        throw new FieldInvalidError(
          'quantity',
          'max',
          `You can buy at most ${MAX_QUANTITY_PER_ITEM} of one product (${merged - quantity} already in your cart)`
        )
      }
      if (merged > product.stock) {
        throw new ConflictError(
          product.stock === 0
            ? `“${product.title}” is out of stock`
            : `Only ${product.stock} of “${product.title}” left in stock`,
          'E_INSUFFICIENT_STOCK'
        )
      }
      return rows[0].id as number
    })
  }
}
