import db from '@adonisjs/lucid/services/db'
import Category from '#models/category'

/** `:category` in a path or `?category=` accepts an id or a slug. */
export function findCategory(idOrSlug: string | number) {
  const value = String(idOrSlug)
  if (/^[1-9]\d{0,8}$/.test(value)) return Category.find(Number(value))
  return Category.findBy('slug', value.toLowerCase())
}

/** The category and every category below it. */
export async function subtreeIds(categoryId: number): Promise<number[]> {
  const { rows } = await db.rawQuery(
    `WITH RECURSIVE tree AS (
       SELECT id FROM categories WHERE id = ?
       UNION ALL
       SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id
     ) SELECT id FROM tree`,
    [categoryId]
  )
  return rows.map((row: { id: number }) => row.id)
}
