import { mediaUrl } from '#services/platform/media'

/** A product row joined to its category, seller and first image (list queries). */
export type ProductListRow = {
  id: number
  title: string
  slug: string
  price_paise: number
  mrp_paise: number | null
  stock: number
  avg_rating: string | number
  rating_count: number
  category_id: number
  category_name: string
  category_slug: string
  seller_id: number
  business_name: string | null
  is_active: boolean
  image_path: string | null
}

/** The detail row adds what only the product page shows. */
export type ProductDetailRow = ProductListRow & {
  description: string
  gst_rate: number
  hsn_code: string | null
  is_visible: boolean
  created_at: Date
  updated_at: Date
  images: { id: number; path: string; position: number }[]
}

/** The list item of the API contract (storefront and seller lists). */
export async function serializeProductListItem(row: ProductListRow) {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    price_paise: row.price_paise,
    mrp_paise: row.mrp_paise,
    stock: row.stock,
    in_stock: row.stock > 0,
    is_active: row.is_active,
    avg_rating: Number(row.avg_rating),
    rating_count: row.rating_count,
    image_url: await mediaUrl(row.image_path),
    category: { id: row.category_id, name: row.category_name, slug: row.category_slug },
    seller: { id: row.seller_id, business_name: row.business_name ?? '' },
  }
}

export async function serializeProductDetail(row: ProductDetailRow) {
  return {
    ...(await serializeProductListItem(row)),
    description: row.description,
    gst_rate: row.gst_rate,
    hsn_code: row.hsn_code,
    images: await Promise.all(row.images.map((image) => serializeProductImage(image))),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  }
}

export async function serializeProductImage(image: { id: number; path: string; position: number }) {
  return { id: image.id, url: (await mediaUrl(image.path))!, position: image.position }
}

/** `{ data, meta }` for product lists; `total_is_estimate` marks a planner estimate. */
export async function productPage(page: {
  rows: ProductListRow[]
  total: { total: number; isEstimate: boolean }
  page: number
  perPage: number
}) {
  return {
    data: await Promise.all(page.rows.map((row) => serializeProductListItem(row))),
    meta: {
      total: page.total.total,
      per_page: page.perPage,
      current_page: page.page,
      last_page: Math.max(1, Math.ceil(page.total.total / page.perPage)),
      total_is_estimate: page.total.isEstimate,
    },
  }
}
