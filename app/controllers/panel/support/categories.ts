import Category from '#models/category'

export type CategoryOption = { id: number; label: string; depth: number; category: Category }

/** Every category in tree order, labelled with its depth ("Women › Sarees") for selects and the tree page. */
export async function categoryOptions(): Promise<CategoryOption[]> {
  const all = await Category.query().orderBy('position').orderBy('name').orderBy('id')
  const known = new Set(all.map((category) => category.id))
  const children = new Map<number | null, Category[]>()
  for (const category of all) {
    const parent =
      category.parentId !== null && known.has(category.parentId) ? category.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), category])
  }
  const options: CategoryOption[] = []
  const walk = (parent: number | null, trail: string[]) => {
    for (const category of children.get(parent) ?? []) {
      const path = [...trail, category.name]
      options.push({ id: category.id, label: path.join(' › '), depth: trail.length, category })
      walk(category.id, path)
    }
  }
  walk(null, [])
  return options
}
