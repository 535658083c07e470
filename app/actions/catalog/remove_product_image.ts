import ProductImage from '#models/product_image'
import { NotFoundError } from '#exceptions/domain_errors'
import { removeFiles } from '#actions/catalog/delete_product'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

/** Removes an image of a product, row first, then its file from the disk. */
export default class RemoveProductImage {
  async handle(productId: number, imageId: number) {
    const image = await ProductImage.query()
      .where('id', imageId)
      .where('product_id', productId)
      .first()
    if (!image) throw new NotFoundError('Image not found')
    await image.delete()
    await bumpCatalogVersion()
    await removeFiles([image.path])
  }
}
