import type { ModelPaginatorContract } from '@adonisjs/lucid/types/model'

/** `{ data, meta }` with the contract's meta keys from a Lucid paginator. */
export function paginated<T, R>(page: ModelPaginatorContract<any> | any, map: (row: T) => R) {
  return {
    data: (page.all() as T[]).map(map),
    meta: {
      total: Number(page.total),
      per_page: page.perPage,
      current_page: page.currentPage,
      last_page: page.lastPage,
    },
  }
}
