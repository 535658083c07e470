import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { mediaUrl } from '#services/platform/media'
import { sellable } from '#services/catalog/sellable'

export type CartIssue = 'unavailable' | 'out_of_stock' | 'insufficient_stock'

/**
 * The cart at current prices. Lines whose product is no longer sellable
 * (inactive, seller suspended or disabled) or ran short stay in the cart,
 * flagged with `issue`; the subtotal counts only lines that can be bought
 * as they are.
 */
export default class ShowCart {
  async handle(user: User) {
    const rows = await db
      .from('cart_items as c')
      .join('products as p', 'p.id', 'c.product_id')
      .where('c.user_id', user.id)
      .orderBy('c.created_at', 'asc')
      .orderBy('c.id', 'asc')
      .select(
        'c.id',
        'c.quantity',
        'p.id as product_id',
        'p.title',
        'p.slug',
        'p.price_paise',
        'p.stock',
        db.raw(`${sellable('p')} AS sellable`),
        db.raw(
          '(SELECT path FROM product_images i WHERE i.product_id = p.id ORDER BY position, id LIMIT 1) AS image_path'
        )
      )

    let subtotal = 0
    let itemCount = 0
    const items = await Promise.all(
      rows.map(async (row) => {
        const issue: CartIssue | null = !row.sellable
          ? 'unavailable'
          : row.stock === 0
            ? 'out_of_stock'
            : row.stock < row.quantity
              ? 'insufficient_stock'
              : null
        const lineTotal = row.price_paise * row.quantity
        itemCount += row.quantity
        if (!issue) subtotal += lineTotal
        return {
          id: row.id,
          product: {
            id: row.product_id,
            title: row.title,
            slug: row.slug,
            image_url: await mediaUrl(row.image_path),
            price_paise: row.price_paise,
            stock: row.stock,
            in_stock: row.stock > 0,
          },
          quantity: row.quantity,
          unit_price_paise: row.price_paise,
          line_total_paise: lineTotal,
          available: issue === null,
          issue,
        }
      })
    )
    return { items, item_count: itemCount, subtotal_paise: subtotal }
  }
}
