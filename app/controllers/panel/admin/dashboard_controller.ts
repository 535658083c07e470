import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AdminOrderPolicy from '#policies/admin_order_policy'
import AdminDashboard from '#actions/reports/admin_dashboard'

export default class DashboardController {
  @inject()
  async show({ bouncer, view }: HttpContext, dashboard: AdminDashboard) {
    await bouncer.with(AdminOrderPolicy).authorize('viewAll')
    return view.render('panel/admin/dashboard', { summary: await dashboard.handle() })
  }
}
