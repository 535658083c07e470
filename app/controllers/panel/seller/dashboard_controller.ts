import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import FulfillmentPolicy from '#policies/fulfillment_policy'
import SellerDashboard from '#actions/fulfillment/seller_dashboard'
import { barChart } from '#controllers/panel/support/chart'

/** The seller's morning numbers (the same action as GET /api/seller/dashboard) and a 30-day chart. */
export default class DashboardController {
  @inject()
  async show({ auth, bouncer, view }: HttpContext, dashboard: SellerDashboard) {
    await bouncer.with(FulfillmentPolicy).authorize('fulfil')
    const seller = auth.getUserOrFail()
    const [summary, days] = await Promise.all([dashboard.handle(seller), dashboard.daily(seller)])
    return view.render('panel/seller/dashboard', {
      summary,
      days,
      chart: barChart(days.map((day) => day.revenue_paise)),
      ordersLast30Days: days.reduce((sum, day) => sum + day.orders, 0),
    })
  }
}
