import type { HttpContext } from '@adonisjs/core/http'
import PanelPolicy from '#policies/panel_policy'

/** `/panel`: each role's landing page; sellers awaiting approval read their status here. */
export default class HomeController {
  async index({ auth, bouncer, response, session, view }: HttpContext) {
    const panel = bouncer.with(PanelPolicy)
    const area = (await panel.allows('adminArea'))
      ? '/panel/admin'
      : (await panel.allows('sellerArea'))
        ? '/panel/seller'
        : null
    if (area) {
      // The welcome message of the login travels on through this redirect.
      session.reflash()
      return response.redirect(area)
    }
    return view.render('panel/status', { profile: auth.getUserOrFail().sellerProfile })
  }
}
