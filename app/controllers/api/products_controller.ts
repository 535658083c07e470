import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ListProducts from '#actions/catalog/list_products'
import CreateProduct from '#actions/catalog/create_product'
import UpdateProduct from '#actions/catalog/update_product'
import DeleteProduct from '#actions/catalog/delete_product'
import ProductPolicy from '#policies/product_policy'
import { readProduct } from '#services/catalog/product_reader'
import { ownership, productFor } from '#services/catalog/product_access'
import {
  createProductValidator,
  listProductsValidator,
  updateProductValidator,
} from '#validators/product'
import { productPage, serializeProductDetail } from '#transformers/product_transformer'
import {
  CACHED_PAGES,
  cachedListing,
  listingCacheEnabled,
  listingKey,
} from '#services/catalog/listing_cache'

export default class ProductsController {
  @inject()
  async index({ request, response }: HttpContext, listProducts: ListProducts) {
    const filters = await request.validateUsing(listProductsValidator, { data: request.qs() })
    const list = async () => productPage(await listProducts.handle(filters, { kind: 'storefront' }))
    if (!listingCacheEnabled() || (filters.page ?? 1) > CACHED_PAGES) return list()
    const body = await cachedListing(listingKey(filters), list)
    response.header('content-type', 'application/json; charset=utf-8')
    return response.send(body)
  }

  async show(ctx: HttpContext) {
    return { data: await serializeProductDetail(await productFor(ctx)) }
  }

  @inject()
  async store({ auth, bouncer, request, response }: HttpContext, createProduct: CreateProduct) {
    await bouncer.with(ProductPolicy).authorize('create')
    const input = await request.validateUsing(createProductValidator)
    const product = await createProduct.handle(auth.getUserOrFail(), input)
    return response.created({
      data: await serializeProductDetail((await readProduct(product.id))!),
    })
  }

  @inject()
  async update(ctx: HttpContext, updateProduct: UpdateProduct) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('update', ownership(product))
    const input = await ctx.request.validateUsing(updateProductValidator)
    await updateProduct.handle({ actor: ctx.auth.getUserOrFail(), productId: product.id, input })
    return { data: await serializeProductDetail((await readProduct(product.id))!) }
  }

  @inject()
  async destroy(ctx: HttpContext, deleteProduct: DeleteProduct) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('delete', ownership(product))
    await deleteProduct.handle(product.id)
    return ctx.response.noContent()
  }
}
