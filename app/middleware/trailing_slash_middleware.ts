import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Existing clients call `/api/products/` (Django style). Strip the trailing
 * slash before the router looks the route up, so every route answers with
 * and without it.
 */
export default class TrailingSlashMiddleware {
  async handle({ request }: HttpContext, next: NextFn) {
    const pathname = request.parsedUrl.pathname
    if (pathname && pathname.length > 1 && pathname.endsWith('/')) {
      request.parsedUrl.pathname = pathname.replace(/\/+$/, '') || '/'
    }
    return next()
  }
}
