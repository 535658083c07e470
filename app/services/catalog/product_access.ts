import type { HttpContext } from '@adonisjs/core/http'
import ProductPolicy from '#policies/product_policy'
import { NotFoundError } from '#exceptions/domain_errors'
import { readProduct } from '#services/catalog/product_reader'

/** `:product` (id or slug) → the row, after the caller's right to see it is checked. */
export async function productFor(ctx: HttpContext) {
  const product = await readProduct(ctx.params.product)
  if (!product) throw new NotFoundError('Product not found')
  await ctx.bouncer.with(ProductPolicy).authorize('view', ownership(product))
  return product
}

export function ownership(product: { seller_id: number; is_visible?: boolean }) {
  return { sellerId: product.seller_id, isVisible: product.is_visible === true }
}
