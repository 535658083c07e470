import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import ProductImage from '#models/product_image'
import { ConflictError, FieldInvalidError } from '#exceptions/domain_errors'
import { detectImageFileType } from '#services/platform/image_type'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

export const MAX_IMAGES_PER_PRODUCT = 10

/**
 * Stores an uploaded product image through Drive (local disk or S3 by
 * config). The format comes from the file's bytes, never from its name, and
 * decides the stored extension.
 */
export default class AddProductImage {
  async handle(productId: number, file: MultipartFile) {
    const type = file.tmpPath ? await detectImageFileType(file.tmpPath) : null
    if (!type) {
      throw new FieldInvalidError(
        'image',
        'imageContent',
        'The image must be a JPEG, PNG or WebP file (its content is checked, not its name)'
      )
    }
    const [{ count, next }] = await db
      .from('product_images')
      .where('product_id', productId)
      .select(db.raw('count(*)::int AS count, COALESCE(max(position) + 1, 0)::int AS next'))
    if (count >= MAX_IMAGES_PER_PRODUCT) {
      throw new ConflictError(`A product can have at most ${MAX_IMAGES_PER_PRODUCT} images`)
    }

    const key = `products/${productId}/${randomUUID()}.${type.extension}`
    await file.moveToDisk(key, { contentType: type.mime, visibility: 'public' })
    const image = await ProductImage.create({ productId, path: key, position: next })
    // Lists show each product's first image.
    await bumpCatalogVersion()
    return image
  }
}
