import { unlink } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { MultipartFile } from '@adonisjs/core/bodyparser'

/**
 * Deletes the temp files of a multipart request when it ends, whatever the
 * outcome: a stored image has been moved away already, a refused one (bad
 * type, no permission, validation) would otherwise stay on disk for good.
 */
export default class UploadCleanupMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    try {
      await next()
    } finally {
      const files = Object.values(ctx.request.allFiles()).flat() as MultipartFile[]
      await Promise.all(
        files.map((file) => (file.tmpPath ? unlink(file.tmpPath).catch(() => {}) : null))
      )
    }
  }
}
