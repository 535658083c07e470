import db from '@adonisjs/lucid/services/db'
import Category from '#models/category'
import { ConflictError, FieldInvalidError, isUniqueViolation } from '#exceptions/domain_errors'
import type { GstRate } from '#enums/gst_rate'
import { slugify } from '#services/catalog/slug'
import { subtreeIds } from '#services/catalog/categories'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

export type CategoryInput = {
  name?: string
  slug?: string
  parent_id?: number | null
  description?: string | null
  gst_rate?: GstRate | null
  hsn_code?: string | null
  position?: number
}

/** Creates or edits a category; the tree must stay a tree (no cycles). */
export default class SaveCategory {
  async create(input: CategoryInput & { name: string }) {
    await this.assertParent(input.parent_id ?? null, null)
    const base = slugify(input.name, 110) || 'category'
    const category = new Category()
    category.merge({
      name: input.name,
      slug: await this.freeSlug(base),
      parentId: input.parent_id ?? null,
      description: input.description ?? null,
      gstRate: input.gst_rate ?? null,
      hsnCode: input.hsn_code ?? null,
      position: input.position ?? 0,
    })
    return this.save(category)
  }

  async update(category: Category, input: CategoryInput) {
    if (input.parent_id !== undefined) await this.assertParent(input.parent_id, category.id)
    category.merge({
      name: input.name ?? category.name,
      slug: input.slug ?? category.slug,
      parentId: input.parent_id === undefined ? category.parentId : input.parent_id,
      description: input.description === undefined ? category.description : input.description,
      gstRate: input.gst_rate === undefined ? category.gstRate : input.gst_rate,
      hsnCode: input.hsn_code === undefined ? category.hsnCode : input.hsn_code,
      position: input.position ?? category.position,
    })
    return this.save(category)
  }

  async delete(category: Category) {
    await db.transaction(async (trx) => {
      await trx.from('categories').where('id', category.id).forUpdate().select('id')
      const child = await trx.from('categories').where('parent_id', category.id).first()
      if (child)
        throw new ConflictError('This category has subcategories; move or delete them first')
      const product = await trx.from('products').where('category_id', category.id).first()
      if (product) throw new ConflictError('Products are listed in this category; move them first')
      await trx.from('categories').where('id', category.id).delete()
    })
    await bumpCatalogVersion()
  }

  private async save(category: Category) {
    try {
      await category.save()
      // List items show their category's name; a moved category changes subtree filters.
      await bumpCatalogVersion()
      return category
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new FieldInvalidError('slug', 'unique', 'Another category already uses this slug')
      }
      throw error
    }
  }

  private async assertParent(parentId: number | null, categoryId: number | null) {
    if (parentId === null) return
    if (!(await Category.find(parentId))) {
      throw new FieldInvalidError(
        'parent_id',
        'exists',
        'The selected parent category does not exist'
      )
    }
    if (categoryId !== null && (await subtreeIds(categoryId)).includes(parentId)) {
      throw new FieldInvalidError(
        'parent_id',
        'tree',
        'A category cannot be moved under itself or one of its subcategories'
      )
    }
  }

  /** `sarees`, else `sarees-2`, `sarees-3`, … */
  private async freeSlug(base: string) {
    const rows = await db
      .from('categories')
      .where('slug', base)
      .orWhere('slug', 'like', `${base}-%`)
      .select('slug')
    const taken = new Set(rows.map((row) => row.slug as string))
    if (!taken.has(base)) return base
    let n = 2
    while (taken.has(`${base}-${n}`)) n++
    return `${base}-${n}`
  }
}
