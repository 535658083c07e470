import db from '@adonisjs/lucid/services/db'
import { FieldInvalidError } from '#exceptions/domain_errors'
import { countProducts, estimateProducts, type Total } from '#services/catalog/totals'
import { buildSearchQuery } from '#services/catalog/search_query'
import { sellable } from '#services/catalog/sellable'
import { findCategory, subtreeIds } from '#services/catalog/categories'
import type { ProductListRow } from '#transformers/product_transformer'
import type { ProductSort } from '#enums/product_sort'

export type ProductFilters = {
  search?: string
  category?: string
  seller?: number
  min_price?: number
  max_price?: number
  in_stock?: boolean
  sort?: ProductSort
  page?: number
  per_page?: number
}

/**
 * Storefront: visible products only. Seller: one seller's own products,
 * inactive included. All: every product, hidden ones included (admins).
 */
export type ListScope =
  { kind: 'storefront' } | { kind: 'seller'; sellerId: number } | { kind: 'all' }

/**
 * Deepest row a list serves (page × per_page). Deeper offsets would walk
 * ever more index entries; shoppers narrow the filters long before.
 */
export const MAX_RESULT_WINDOW = 10_000

/** How many popular matches are ranked for a relevance search (at least). */
const SEARCH_CANDIDATES = 200

/** Above this many (estimated) matches, candidates come from the popularity index. */
const DENSE_MATCHES = 15_000

/** Each listed category is read through its own index range and merged in order. */
const MAX_CATEGORY_BRANCHES = 64

type Sortable = Exclude<ProductSort, 'relevance'>
const ORDER: Record<Sortable, string[]> = {
  newest: ['created_at DESC', 'id DESC'],
  price_asc: ['price_paise ASC', 'id ASC'],
  price_desc: ['price_paise DESC', 'id DESC'],
  rating: ['avg_rating DESC', 'rating_count DESC', 'id DESC'],
}

const COLUMNS = [
  'id',
  'title',
  'slug',
  'price_paise',
  'mrp_paise',
  'stock',
  'avg_rating',
  'rating_count',
  'sales_count',
  'category_id',
  'seller_id',
  'is_active',
  'created_at',
]

function orderBy(sort: Sortable, alias: string) {
  return ORDER[sort].map((term) => `${alias}.${term}`).join(', ')
}

function columns(alias: string) {
  return COLUMNS.map((column) => `${alias}.${column}`).join(', ')
}

export type ProductPage = {
  rows: ProductListRow[]
  total: Total
  page: number
  perPage: number
}

/**
 * The storefront and seller product lists. Each page is read from `products`
 * alone through an index in the requested order (see the migration and
 * docs/performance.md), then only its rows are joined to their category,
 * seller and first image.
 */
export default class ListProducts {
  async handle(filters: ProductFilters, scope: ListScope): Promise<ProductPage> {
    const page = filters.page ?? 1
    const perPage = filters.per_page ?? 20
    const offset = (page - 1) * perPage
    if (offset + perPage > MAX_RESULT_WINDOW) {
      throw new FieldInvalidError(
        'page',
        'max',
        `Only the first ${MAX_RESULT_WINDOW} results can be paged through; narrow the search or filters`
      )
    }
    if (
      filters.min_price !== undefined &&
      filters.max_price !== undefined &&
      filters.min_price > filters.max_price
    ) {
      throw new FieldInvalidError('max_price', 'min', 'max_price must not be below min_price')
    }

    const where: string[] = []
    const bindings: unknown[] = []
    if (scope.kind === 'storefront') {
      where.push(sellable('p'))
    } else if (scope.kind === 'seller') {
      where.push('p.seller_id = ?')
      bindings.push(scope.sellerId)
    } else {
      where.push('TRUE')
    }
    if (filters.seller !== undefined) {
      where.push('p.seller_id = ?')
      bindings.push(filters.seller)
    }
    if (filters.min_price !== undefined) {
      where.push('p.price_paise >= ?')
      bindings.push(filters.min_price)
    }
    if (filters.max_price !== undefined) {
      where.push('p.price_paise <= ?')
      bindings.push(filters.max_price)
    }
    if (filters.in_stock) where.push('p.stock > 0')

    let categoryIds: number[] | null = null
    if (filters.category !== undefined) {
      const category = await findCategory(filters.category)
      if (!category) {
        throw new FieldInvalidError('category', 'exists', 'The selected category does not exist')
      }
      categoryIds = await subtreeIds(category.id)
    }

    const result = { page, perPage }
    if (filters.search !== undefined && filters.search.trim() !== '') {
      const query = await buildSearchQuery(filters.search)
      if (!query) return { ...result, rows: [], total: { total: 0, isEstimate: false } }
      if (categoryIds) {
        where.push('p.category_id = ANY(?::int[])')
        bindings.push(`{${categoryIds.join(',')}}`)
      }
      const sort = filters.sort ?? 'relevance'
      // Every word must match; if nothing does, any word may (ranked by how many match).
      for (const tsquery of [query.all, query.any]) {
        const found = await this.searchPage(where, bindings, tsquery, query, sort, offset, perPage)
        if (found.total.total > 0 || tsquery === query.any) return { ...result, ...found }
      }
    }

    const sort: Sortable = !filters.sort || filters.sort === 'relevance' ? 'newest' : filters.sort
    const whereSql = where.join(' AND ')
    let pageSql: string
    let pageBindings: unknown[]
    const useBranches =
      scope.kind === 'storefront' &&
      categoryIds !== null &&
      categoryIds.length > 1 &&
      categoryIds.length <= MAX_CATEGORY_BRANCHES
    if (useBranches) {
      // One ordered index range per category, merged: never sorts a whole subtree.
      const branch = `(SELECT ${columns('p')} FROM products p WHERE ${whereSql} AND p.category_id = ?
                        ORDER BY ${orderBy(sort, 'p')} LIMIT ${offset + perPage})`
      pageSql = `SELECT * FROM (${categoryIds!.map(() => branch).join(' UNION ALL ')}) p
                 ORDER BY ${orderBy(sort, 'p')} LIMIT ${perPage} OFFSET ${offset}`
      pageBindings = categoryIds!.flatMap((id) => [...bindings, id])
    } else {
      if (categoryIds) {
        where.push(categoryIds.length === 1 ? 'p.category_id = ?' : 'p.category_id = ANY(?::int[])')
        bindings.push(categoryIds.length === 1 ? categoryIds[0] : `{${categoryIds.join(',')}}`)
      }
      pageSql = `SELECT ${columns('p')} FROM products p WHERE ${where.join(' AND ')}
                 ORDER BY ${orderBy(sort, 'p')} LIMIT ${perPage} OFFSET ${offset}`
      pageBindings = bindings
    }
    const countWhere = useBranches
      ? `${whereSql} AND p.category_id = ANY(?::int[])`
      : where.join(' AND ')
    const countBindings = useBranches ? [...bindings, `{${categoryIds!.join(',')}}`] : bindings

    const [rows, total] = await Promise.all([
      this.hydrate(pageSql, pageBindings, orderBy(sort, 'page')),
      countProducts(countWhere, countBindings),
    ])
    return { ...result, rows, total }
  }

  /**
   * Relevance is computed for a bounded candidate set: the most popular
   * matches of the title (title-first) plus the most popular matches
   * anywhere, so a common word never ranks a hundred thousand rows. Other
   * sorts use the sort's index with the match as a filter.
   */
  private async searchPage(
    where: string[],
    bindings: unknown[],
    tsquery: string,
    query: { allInTitle: string; all: string },
    sort: ProductSort,
    offset: number,
    perPage: number
  ): Promise<{ rows: ProductListRow[]; total: Total }> {
    const whereSql = where.join(' AND ')
    const matchWhere = `${whereSql} AND p.search_vector @@ ?::tsquery`
    const matchBindings = [...bindings, tsquery]
    if (sort !== 'relevance') {
      const pageSql = `SELECT ${columns('p')} FROM products p WHERE ${matchWhere}
                       ORDER BY ${orderBy(sort, 'p')} LIMIT ${perPage} OFFSET ${offset}`
      const [rows, total] = await Promise.all([
        this.hydrate(pageSql, matchBindings, orderBy(sort, 'page')),
        countProducts(matchWhere, matchBindings),
      ])
      return { rows, total }
    }

    const limit = Math.max(SEARCH_CANDIDATES, offset + perPage)
    const titleQuery = tsquery === query.all ? query.allInTitle : tsquery
    const score = `ts_rank_cd('{0.02, 0.05, 0.2, 1.0}', p.search_vector, ?::tsquery)
                     * (1 + 0.05 * ln(1 + p.sales_count))`
    const estimate = await estimateProducts(matchWhere, matchBindings)
    if (estimate > DENSE_MATCHES) {
      // Many matches: walk the popularity index, which meets enough of them
      // within a few thousand rows. The total is the estimate (> EXACT_COUNT_LIMIT).
      const pageSql = `
        WITH candidates AS (
          (SELECT p.id FROM products p WHERE ${whereSql} AND p.search_vector @@ ?::tsquery
            ORDER BY p.sales_count DESC, p.id DESC LIMIT ${limit})
          UNION
          (SELECT p.id FROM products p WHERE ${matchWhere}
            ORDER BY p.sales_count DESC, p.id DESC LIMIT ${limit})
        )
        SELECT ${columns('p')}, ${score} AS score
          FROM candidates JOIN products p ON p.id = candidates.id
         ORDER BY score DESC, p.id DESC LIMIT ${perPage} OFFSET ${offset}`
      const rows = await this.hydrate(
        pageSql,
        [...bindings, titleQuery, ...matchBindings, tsquery],
        'page.score DESC, page.id DESC'
      )
      return { rows, total: { total: estimate, isEstimate: true } }
    }

    // Few matches (up to ~sqrt(candidates × table size)): read them all once
    // through the GIN index, count them, note which match in the title and
    // keep the most popular of each kind: one heap pass serves the total and
    // both candidate sets (it used to take three). Materialising also keeps the
    // planner off the popularity index, which it would walk filtering ~50k rows.
    const pageSql = `
      WITH matches AS MATERIALIZED (
        SELECT p.id, p.sales_count, p.search_vector @@ ?::tsquery AS in_title
          FROM products p WHERE ${matchWhere}
      ),
      candidates AS (
        (SELECT id FROM matches WHERE in_title ORDER BY sales_count DESC, id DESC LIMIT ${limit})
        UNION
        (SELECT id FROM matches ORDER BY sales_count DESC, id DESC LIMIT ${limit})
      )
      SELECT ${columns('p')}, ${score} AS score, (SELECT count(*) FROM matches)::int AS matched
        FROM candidates JOIN products p ON p.id = candidates.id
       ORDER BY score DESC, p.id DESC LIMIT ${perPage} OFFSET ${offset}`
    const rows = (await this.hydrate(
      pageSql,
      [titleQuery, ...matchBindings, tsquery],
      'page.score DESC, page.id DESC'
    )) as (ProductListRow & { matched: number })[]
    if (rows.length > 0) return { rows, total: { total: rows[0].matched, isEstimate: false } }
    // An empty page past the end still reports how many matched.
    const total =
      offset === 0
        ? { total: 0, isEstimate: false }
        : await countProducts(matchWhere, matchBindings)
    return { rows, total }
  }

  /** Joins one page of product rows to what a list item shows. */
  private async hydrate(pageSql: string, bindings: unknown[], order: string) {
    const { rows } = await db.rawQuery(
      `WITH page AS (${pageSql})
       SELECT page.*, c.name AS category_name, c.slug AS category_slug,
              sp.business_name, img.path AS image_path
         FROM page
         JOIN categories c ON c.id = page.category_id
         LEFT JOIN seller_profiles sp ON sp.user_id = page.seller_id
         LEFT JOIN LATERAL (
           SELECT i.path FROM product_images i WHERE i.product_id = page.id
            ORDER BY i.position, i.id LIMIT 1
         ) img ON true
        ORDER BY ${order}`,
      bindings
    )
    return rows as ProductListRow[]
  }
}
