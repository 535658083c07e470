import type Category from '#models/category'
import { mediaUrl } from '#services/platform/media'

type CategoryItem = {
  id: number
  name: string
  slug: string
  parent_id: number | null
  description: string | null
  image_url: string | null
  gst_rate: number | null
  hsn_code: string | null
  product_count: number
}
type CategoryNode = CategoryItem & { children: CategoryNode[] }

/**
 * Category shapes from the whole (small) category table. `product_count`
 * counts visible products in the category and all its subcategories.
 */
export async function categoryTree(categories: Category[]) {
  const byId = new Map<number, Category>(categories.map((c) => [c.id, c]))
  const children = new Map<number | null, Category[]>()
  for (const category of categories) {
    const parent =
      category.parentId !== null && byId.has(category.parentId) ? category.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), category])
  }
  const totals = new Map<number, number>()
  const total = (category: Category): number => {
    if (!totals.has(category.id)) {
      const below = (children.get(category.id) ?? []).reduce((sum, c) => sum + total(c), 0)
      totals.set(category.id, category.productCount + below)
    }
    return totals.get(category.id)!
  }
  const urls = new Map<number, string | null>()
  for (const category of categories) urls.set(category.id, await mediaUrl(category.imagePath))

  const item = (category: Category): CategoryItem => ({
    id: category.id,
    name: category.name,
    slug: category.slug,
    parent_id: category.parentId,
    description: category.description,
    image_url: urls.get(category.id) ?? null,
    gst_rate: category.gstRate,
    hsn_code: category.hsnCode,
    product_count: total(category),
  })
  const node = (category: Category): CategoryNode => ({
    ...item(category),
    children: (children.get(category.id) ?? []).map(node),
  })

  return {
    flat: () => categories.map(item),
    roots: () => (children.get(null) ?? []).map(node),
    /** One category with its direct children and its ancestors, root first (a breadcrumb). */
    withFamily(id: number) {
      const category = byId.get(id)!
      const ancestors: CategoryItem[] = []
      let parentId = category.parentId
      while (parentId !== null && byId.has(parentId) && ancestors.length < 32) {
        const parent = byId.get(parentId)!
        ancestors.unshift(item(parent))
        parentId = parent.parentId
      }
      return {
        ...item(category),
        children: (children.get(category.id) ?? []).map(item),
        ancestors,
      }
    },
  }
}
