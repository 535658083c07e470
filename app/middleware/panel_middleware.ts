import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import PanelPolicy from '#policies/panel_policy'

export type PanelArea = 'any' | 'seller' | 'admin'

/**
 * Runs after `auth` on panel routes: customers are refused (403) and each
 * area is kept to its role. A seller awaiting approval is sent to the panel
 * home, which tells it its application status.
 */
export default class PanelMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { area: PanelArea }) {
    const panel = ctx.bouncer.with(PanelPolicy)
    await panel.authorize('enter')
    if (options.area === 'seller' && (await panel.denies('sellerArea'))) {
      if (await panel.allows('awaitsApproval')) return ctx.response.redirect('/panel')
      await panel.authorize('sellerArea')
    }
    if (options.area === 'admin') await panel.authorize('adminArea')
    return next()
  }
}
