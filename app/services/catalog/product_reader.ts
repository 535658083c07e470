import db from '@adonisjs/lucid/services/db'
import type { ProductDetailRow } from '#transformers/product_transformer'

/**
 * One product with everything its page shows, in a single query (images
 * aggregated as JSON) whatever its visibility; callers apply the policy.
 * `idOrSlug` is what `:product` in a path holds.
 */
export async function readProduct(idOrSlug: string | number): Promise<ProductDetailRow | null> {
  const value = String(idOrSlug)
  const byId = /^[1-9]\d{0,8}$/.test(value)
  const { rows } = await db.rawQuery(
    `SELECT p.id, p.title, p.slug, p.description, p.price_paise, p.mrp_paise, p.stock, p.gst_rate,
            COALESCE(p.hsn_code, c.hsn_code) AS hsn_code,
            p.avg_rating, p.rating_count, p.category_id, p.seller_id, p.is_active, p.is_visible,
            p.created_at, p.updated_at,
            c.name AS category_name, c.slug AS category_slug, sp.business_name,
            COALESCE((SELECT json_agg(json_build_object('id', i.id, 'path', i.path, 'position', i.position)
                                      ORDER BY i.position, i.id)
                        FROM product_images i WHERE i.product_id = p.id), '[]') AS images
       FROM products p
       JOIN categories c ON c.id = p.category_id
       LEFT JOIN seller_profiles sp ON sp.user_id = p.seller_id
      WHERE ${byId ? 'p.id = ?' : 'p.slug = ?'}`,
    [byId ? Number(value) : value.toLowerCase()]
  )
  if (!rows[0]) return null
  const row = rows[0]
  row.image_path = row.images[0]?.path ?? null
  return row as ProductDetailRow
}
