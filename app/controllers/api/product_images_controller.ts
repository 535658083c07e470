import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AddProductImage from '#actions/catalog/add_product_image'
import RemoveProductImage from '#actions/catalog/remove_product_image'
import ProductPolicy from '#policies/product_policy'
import { uploadImageValidator } from '#validators/product'
import { serializeProductImage } from '#transformers/product_transformer'
import { ownership, productFor } from '#services/catalog/product_access'

export default class ProductImagesController {
  @inject()
  async store(ctx: HttpContext, addProductImage: AddProductImage) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('manageImages', ownership(product))
    const { image } = await ctx.request.validateUsing(uploadImageValidator)
    const stored = await addProductImage.handle(product.id, image)
    return ctx.response.created({ data: await serializeProductImage(stored) })
  }

  @inject()
  async destroy(ctx: HttpContext, removeProductImage: RemoveProductImage) {
    const product = await productFor(ctx)
    await ctx.bouncer.with(ProductPolicy).authorize('manageImages', ownership(product))
    await removeProductImage.handle(product.id, ctx.params.image)
    return ctx.response.noContent()
  }
}
