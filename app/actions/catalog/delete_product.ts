import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import logger from '@adonisjs/core/services/logger'
import Product from '#models/product'
import { NotFoundError } from '#exceptions/domain_errors'
import { bumpCatalogVersion } from '#services/catalog/listing_cache'

/**
 * Removes a product. One that was ever ordered is only deactivated, so
 * order history (and its foreign keys) stays intact. Image files go after
 * the rows are gone for good.
 */
export default class DeleteProduct {
  async handle(productId: number): Promise<'deleted' | 'deactivated'> {
    const outcome = await db.transaction(async (trx) => {
      const product = await Product.query({ client: trx })
        .where('id', productId)
        .forUpdate()
        .first()
      if (!product) throw new NotFoundError('Product not found')
      const ordered = await trx.from('order_items').where('product_id', product.id).first()
      if (ordered) {
        product.isActive = false
        await product.save()
        return { result: 'deactivated' as const, paths: [] as string[] }
      }
      const images = await trx.from('product_images').where('product_id', product.id).select('path')
      await product.delete()
      return { result: 'deleted' as const, paths: images.map((image) => image.path as string) }
    })
    await bumpCatalogVersion()
    await removeFiles(outcome.paths)
    return outcome.result
  }
}

/** A missing file must not turn a finished delete into an error. */
export async function removeFiles(paths: string[]) {
  for (const path of paths) {
    try {
      await drive.use().delete(path)
    } catch (error) {
      logger.warn({ err: error, path }, 'could not delete a stored file')
    }
  }
}
