import { inject } from '@adonisjs/core'
import type { HttpContext, Request } from '@adonisjs/core/http'
import ListProducts from '#actions/catalog/list_products'
import CreateProduct from '#actions/catalog/create_product'
import UpdateProduct from '#actions/catalog/update_product'
import AddProductImage from '#actions/catalog/add_product_image'
import RemoveProductImage from '#actions/catalog/remove_product_image'
import ProductPolicy from '#policies/product_policy'
import { GST_RATES } from '#enums/gst_rate'
import { ownership, productFor } from '#services/catalog/product_access'
import { categoryOptions } from '#services/panel/categories'
import {
  backTo,
  listFilters,
  pager,
  paiseToRupees,
  panelMessages,
  rupeesToPaise,
} from '#services/panel/forms'
import { serializeProductDetail, serializeProductListItem } from '#transformers/product_transformer'
import {
  createProductValidator,
  listProductsValidator,
  updateProductValidator,
  uploadImageValidator,
} from '#validators/product'

const PER_PAGE = 20

/** Form fields (prices in rupees) → the API's product input (prices in paise). */
function productInput(request: Request, clearable: boolean) {
  const body = request.only([
    'title',
    'description',
    'price',
    'mrp',
    'stock',
    'category_id',
    'gst_rate',
    'is_active',
  ])
  const number = (value: unknown) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value ?? undefined)
  return {
    title: body.title ?? undefined,
    description: body.description ?? (clearable ? undefined : ''),
    price_paise: rupeesToPaise(body.price),
    mrp_paise: rupeesToPaise(body.mrp, clearable ? null : undefined),
    stock: number(body.stock),
    category_id: number(body.category_id),
    gst_rate: number(body.gst_rate),
    is_active: body.is_active ?? undefined,
  }
}

/**
 * The seller's products: the same list, validators, actions and ProductPolicy
 * as `/api/seller/products` and `/api/products`, behind forms.
 */
export default class ProductsController {
  @inject()
  async index({ auth, bouncer, request, view }: HttpContext, listProducts: ListProducts) {
    await bouncer.with(ProductPolicy).authorize('viewOwn')
    const filters = await listFilters(listProductsValidator, request)
    const page = await listProducts.handle(
      { search: filters.search, page: filters.page, per_page: PER_PAGE },
      { kind: 'seller', sellerId: auth.getUserOrFail().id }
    )
    return view.render('panel/seller/products/index', {
      products: await Promise.all(page.rows.map((row) => serializeProductListItem(row))),
      search: filters.search ?? '',
      pager: pager(request, page.page, PER_PAGE, page.total.total),
      rupees: paiseToRupees,
    })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('create')
    return view.render('panel/seller/products/form', {
      product: null,
      categories: await categoryOptions(),
      gstRates: GST_RATES,
      rupees: paiseToRupees,
    })
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
    return response.redirect(`/panel/seller/products/${product.id}/edit`)
  }

  async edit(ctx: HttpContext) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('update', ownership(product))
    return ctx.view.render('panel/seller/products/form', {
      product: await serializeProductDetail(product),
      categories: await categoryOptions(),
      gstRates: GST_RATES,
      rupees: paiseToRupees,
    })
  }

  @inject()
  async update(ctx: HttpContext, updateProduct: UpdateProduct) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('update', ownership(product))
    const input = await updateProductValidator.validate(productInput(ctx.request, true), {
      messagesProvider: panelMessages,
    })
    await updateProduct.handle(product.id, input)
    ctx.session.flash('success', 'Product saved.')
    return ctx.response.redirect(`/panel/seller/products/${product.id}/edit`)
  }

  /** The quick stock and active/inactive forms of the list. */
  @inject()
  async quickUpdate(ctx: HttpContext, updateProduct: UpdateProduct) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('update', ownership(product))
    const { stock, is_active: isActive } = productInput(ctx.request, true)
    const input = await updateProductValidator.validate(
      { stock, is_active: isActive },
      { messagesProvider: panelMessages }
    )
    const saved = await updateProduct.handle(product.id, input)
    ctx.session.flash(
      'success',
      input.is_active === undefined
        ? `Stock of ${saved.title} is now ${saved.stock}.`
        : `${saved.title} is now ${saved.isActive ? 'active' : 'inactive'}.`
    )
    return ctx.response.redirect(backTo(ctx.request, '/panel/seller/products'))
  }

  @inject()
  async addImage(ctx: HttpContext, addProductImage: AddProductImage) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('manageImages', ownership(product))
    const { image } = await ctx.request.validateUsing(uploadImageValidator, {
      messagesProvider: panelMessages,
    })
    await addProductImage.handle(product.id, image)
    ctx.session.flash('success', 'Photo added.')
    return ctx.response.redirect(`/panel/seller/products/${product.id}/edit`)
  }

  @inject()
  async removeImage(ctx: HttpContext, removeProductImage: RemoveProductImage) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('manageImages', ownership(product))
    await removeProductImage.handle(product.id, ctx.params.image)
    ctx.session.flash('success', 'Photo removed.')
    return ctx.response.redirect(`/panel/seller/products/${product.id}/edit`)
  }
}
