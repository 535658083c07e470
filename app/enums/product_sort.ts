/** Sort orders of product lists; `relevance` is the default when searching. */
export const PRODUCT_SORTS = ['newest', 'price_asc', 'price_desc', 'rating', 'relevance'] as const
export type ProductSort = (typeof PRODUCT_SORTS)[number]
