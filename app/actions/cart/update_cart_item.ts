import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { ConflictError, NotFoundError } from '#exceptions/domain_errors'
import { sellable } from '#services/catalog/sellable'

export default class UpdateCartItem {
  async handle(user: User, itemId: number, quantity: number) {
    const line = await db
      .from('cart_items as c')
      .join('products as p', 'p.id', 'c.product_id')
      .where('c.id', itemId)
      .where('c.user_id', user.id)
      .select('p.title', 'p.stock', db.raw(`${sellable('p')} AS sellable`))
      .first()
    if (!line) throw new NotFoundError('Cart item not found')
    if (!line.sellable) {
      throw new ConflictError(`“${line.title}” is no longer available`, 'E_PRODUCT_UNAVAILABLE')
    }
    if (quantity > line.stock) {
      throw new ConflictError(
        line.stock === 0
          ? `“${line.title}” is out of stock`
          : `Only ${line.stock} of “${line.title}” left in stock`,
        'E_INSUFFICIENT_STOCK'
      )
    }
    await db
      .from('cart_items')
      .where({ id: itemId, user_id: user.id })
      .update({ quantity, updated_at: new Date() })
  }
}
