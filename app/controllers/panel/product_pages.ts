import { inject } from '@adonisjs/core'
import type { HttpContext, Request } from '@adonisjs/core/http'
import UpdateProduct from '#actions/catalog/update_product'
import AddProductImage from '#actions/catalog/add_product_image'
import RemoveProductImage from '#actions/catalog/remove_product_image'
import ProductPolicy from '#policies/product_policy'
import { GST_RATES } from '#enums/gst_rate'
import { ownership, productFor } from '#services/catalog/product_access'
import { categoryOptions } from '#controllers/panel/support/categories'
import {
  backTo,
  paiseToRupees,
  panelMessages,
  rupeesToPaise,
} from '#controllers/panel/support/forms'
import {
  serializeProductDetail,
  serializeProductListItem,
  type ProductListRow,
} from '#transformers/product_transformer'
import { UNSELLABLE_LABELS, unsellableReasons } from '#services/catalog/sellable'
import { updateProductValidator, uploadImageValidator } from '#validators/product'

/** Form fields (prices in rupees) → the API's product input (prices in paise). */
export function productInput(request: Request, clearable: boolean) {
  const body = request.only([
    'title',
    'description',
    'price',
    'mrp',
    'stock',
    'expected_stock',
    'category_id',
    'gst_rate',
    'hsn_code',
    'is_active',
  ])
  const number = (value: unknown) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value ?? undefined)
  // The forms always show the stock (and send what they showed as
  // expected_stock): left as it was, it is no stock edit, so saving other
  // fields never conflicts with orders placed meanwhile.
  let stock = number(body.stock)
  let expectedStock = number(body.expected_stock)
  if (stock !== undefined && stock === expectedStock) stock = expectedStock = undefined
  return {
    title: body.title ?? undefined,
    description: body.description ?? (clearable ? undefined : ''),
    price_paise: rupeesToPaise(body.price),
    mrp_paise: rupeesToPaise(body.mrp, clearable ? null : undefined),
    stock,
    expected_stock: expectedStock,
    category_id: number(body.category_id),
    gst_rate: number(body.gst_rate),
    // Left empty: the product keeps its code (a new one takes its category's).
    hsn_code: body.hsn_code?.trim() ? body.hsn_code : undefined,
    is_active: body.is_active ?? undefined,
  }
}

/**
 * A page of the product list with what the status column says: active, or
 * why the storefront does not show it (inactive, seller suspended, …).
 */
export async function productRows(rows: ProductListRow[]) {
  const reasons = await unsellableReasons(rows.map((row) => row.id))
  return Promise.all(
    rows.map(async (row) => {
      const reason = reasons.get(row.id) ?? null
      return {
        ...(await serializeProductListItem(row)),
        status: reason ? UNSELLABLE_LABELS[reason] : 'active',
      }
    })
  )
}

/**
 * Editing one product, its stock, status and photos: the pages sellers
 * (their own products) and admins (any product) share. Who may do it is
 * ProductPolicy's call, as in the API; `base` is where the area's product
 * pages live.
 */
export default abstract class ProductPages {
  protected abstract base: string
  /** Admins see whose product it is. */
  protected showSeller = false

  /** Values every product page template reads. */
  protected async formData() {
    return {
      base: this.base,
      showSeller: this.showSeller,
      categories: await categoryOptions(),
      gstRates: GST_RATES,
      rupees: paiseToRupees,
    }
  }

  async edit(ctx: HttpContext) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('update', ownership(product))
    const reason = (await unsellableReasons([product.id])).get(product.id)
    return ctx.view.render('panel/products/form', {
      ...(await this.formData()),
      product: await serializeProductDetail(product),
      // A product hidden by its seller's state rather than its own status.
      hiddenBecause: reason && reason !== 'inactive' ? UNSELLABLE_LABELS[reason] : null,
    })
  }

  @inject()
  async update(ctx: HttpContext, updateProduct: UpdateProduct) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('update', ownership(product))
    const input = await updateProductValidator.validate(productInput(ctx.request, true), {
      messagesProvider: panelMessages,
    })
    await updateProduct.handle({ actor: ctx.auth.getUserOrFail(), productId: product.id, input })
    ctx.session.flash('success', 'Product saved.')
    return ctx.response.redirect(`${this.base}/${product.id}/edit`)
  }

  /** The quick stock and active/inactive forms of the list. */
  @inject()
  async quickUpdate(ctx: HttpContext, updateProduct: UpdateProduct) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('update', ownership(product))
    const {
      stock,
      expected_stock: expectedStock,
      is_active: isActive,
    } = productInput(ctx.request, true)
    const input = await updateProductValidator.validate(
      { stock, expected_stock: expectedStock, is_active: isActive },
      { messagesProvider: panelMessages }
    )
    const saved = await updateProduct.handle({
      actor: ctx.auth.getUserOrFail(),
      productId: product.id,
      input,
    })
    ctx.session.flash(
      'success',
      input.is_active === undefined
        ? `Stock of ${saved.title} is now ${saved.stock}.`
        : `${saved.title} is now ${saved.isActive ? 'active' : 'inactive'}.`
    )
    return ctx.response.redirect(backTo(ctx.request, this.base))
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
    return ctx.response.redirect(`${this.base}/${product.id}/edit`)
  }

  @inject()
  async removeImage(ctx: HttpContext, removeProductImage: RemoveProductImage) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('manageImages', ownership(product))
    await removeProductImage.handle(product.id, ctx.params.image)
    ctx.session.flash('success', 'Photo removed.')
    return ctx.response.redirect(`${this.base}/${product.id}/edit`)
  }
}
