import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ListProducts from '#actions/catalog/list_products'
import ProductPolicy from '#policies/product_policy'
import ProductPages, { productRows } from '#controllers/panel/product_pages'
import { listFilters, pager, paiseToRupees } from '#controllers/panel/support/forms'
import { listProductsValidator } from '#validators/product'

const PER_PAGE = 20

/**
 * Every seller's products, hidden ones included: the admin edits them with
 * the seller's pages and actions, as ProductPolicy allows admins in the API.
 */
export default class ProductsController extends ProductPages {
  protected base = '/panel/admin/products'
  protected showSeller = true

  @inject()
  async index({ bouncer, request, view }: HttpContext, listProducts: ListProducts) {
    await bouncer.with(ProductPolicy).authorize('viewAny')
    const filters = await listFilters(listProductsValidator, request)
    const page = await listProducts.handle(
      { search: filters.search, page: filters.page, per_page: PER_PAGE },
      { kind: 'all' }
    )
    return view.render('panel/admin/products', {
      base: this.base,
      showSeller: this.showSeller,
      products: await productRows(page.rows),
      search: filters.search ?? '',
      pager: pager(request, page.page, PER_PAGE, page.total.total),
      rupees: paiseToRupees,
    })
  }
}
