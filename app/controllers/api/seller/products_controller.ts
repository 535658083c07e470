import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ListProducts from '#actions/catalog/list_products'
import ProductPolicy from '#policies/product_policy'
import { listProductsValidator } from '#validators/product'
import { productPage } from '#transformers/product_transformer'

export default class SellerProductsController {
  /** The seller's own products, inactive ones included, with the storefront's filters. */
  @inject()
  async index({ auth, bouncer, request }: HttpContext, listProducts: ListProducts) {
    await bouncer.with(ProductPolicy).authorize('viewOwn')
    const filters = await request.validateUsing(listProductsValidator, { data: request.qs() })
    const seller = auth.getUserOrFail()
    return productPage(await listProducts.handle(filters, { kind: 'seller', sellerId: seller.id }))
  }
}
