import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ListProducts from '#actions/catalog/list_products'
import CreateProduct from '#actions/catalog/create_product'
import ProductPolicy from '#policies/product_policy'
import ProductPages, { productInput, productRows } from '#controllers/panel/product_pages'
import { listFilters, pager, paiseToRupees, panelMessages } from '#controllers/panel/support/forms'
import { createProductValidator, listProductsValidator } from '#validators/product'

const PER_PAGE = 20

/**
 * The seller's products: the same list, validators, actions and ProductPolicy
 * as `/api/seller/products` and `/api/products`, behind forms.
 */
export default class ProductsController extends ProductPages {
  protected base = '/panel/seller/products'

  @inject()
  async index({ auth, bouncer, request, view }: HttpContext, listProducts: ListProducts) {
    await bouncer.with(ProductPolicy).authorize('viewOwn')
    const filters = await listFilters(listProductsValidator, request)
    const page = await listProducts.handle(
      { search: filters.search, page: filters.page, per_page: PER_PAGE },
      { kind: 'seller', sellerId: auth.getUserOrFail().id }
    )
    return view.render('panel/seller/products/index', {
      base: this.base,
      showSeller: this.showSeller,
      products: await productRows(page.rows),
      search: filters.search ?? '',
      pager: pager(request, page.page, PER_PAGE, page.total.total),
      rupees: paiseToRupees,
    })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('create')
    return view.render('panel/products/form', { ...(await this.formData()), product: null })
  }

  @inject()
  async store(
    { auth, bouncer, request, response, session }: HttpContext,
    createProduct: CreateProduct
  ) {
    await bouncer.with(ProductPolicy).authorize('create')
    const input = await createProductValidator.validate(productInput(request, false), {
      messagesProvider: panelMessages,
    })
    const product = await createProduct.handle(auth.getUserOrFail(), input)
    session.flash('success', `${product.title} is listed. Add photos below.`)
    return response.redirect(`${this.base}/${product.id}/edit`)
  }
}
