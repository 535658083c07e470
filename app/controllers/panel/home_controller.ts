import type { HttpContext } from '@adonisjs/core/http'
import PanelPolicy from '#policies/panel_policy'

/** `/panel`: each role's landing page; sellers awaiting approval read their status here. */
export default class HomeController {
  async index({ auth, bouncer, response, session, view }: HttpContext) {
    const panel = bouncer.with(PanelPolicy)
    // The welcome message of the login travels on through this redirect.
    session.reflash()
    if (await panel.allows('adminArea')) return response.redirect('/panel/admin')
    if (await panel.allows('sellerArea')) return response.redirect('/panel/seller')
    const user = auth.getUserOrFail()
    return view.render('panel/status', { profile: user.sellerProfile })
  }
}
