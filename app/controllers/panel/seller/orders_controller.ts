import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import FulfillmentPolicy from '#policies/fulfillment_policy'
import InvoicePolicy from '#policies/invoice_policy'
import FulfilOrderItem, { type FulfilmentStep } from '#actions/fulfillment/fulfil_order_item'
import ListSellerOrders from '#actions/fulfillment/list_seller_orders'
import { ConflictError } from '#exceptions/domain_errors'
import Invoice from '#models/invoice'
import { FULFILLABLE_ORDER_STATUSES, ORDER_STATUSES, isIn } from '#enums/order_status'
import { findInvoicedOrder } from '#services/invoices/invoice_state'
import { invoiceFile } from '#services/invoices/invoice_files'
import { sendInvoicePdf } from '#controllers/support/invoice_pdf'
import { backTo, listFilters, pager } from '#controllers/panel/support/forms'
import { listOrdersValidator } from '#validators/orders'

const PER_PAGE = 20

/** The seller's orders: only its own items, shipped and delivered through FulfilOrderItem. */
export default class OrdersController {
  @inject()
  async index({ auth, bouncer, request, view }: HttpContext, listSellerOrders: ListSellerOrders) {
    await bouncer.with(FulfillmentPolicy).authorize('fulfil')
    const seller = auth.getUserOrFail()
    const filters = await listFilters(listOrdersValidator, request)
    const { page, orders } = await listSellerOrders.handle(seller, {
      ...filters,
      per_page: PER_PAGE,
    })
    const ids = orders.map((order) => order.id)
    const invoiced = new Set<number>(
      ids.length === 0
        ? []
        : (
            await Invoice.query()
              .where('seller_id', seller.id)
              .whereIn('order_id', ids)
              .whereNotNull('generated_at')
              .select('order_id')
          ).map((invoice) => invoice.orderId)
    )
    return view.render('panel/seller/orders', {
      orders: orders.map((order) => ({
        ...order,
        invoiced: invoiced.has(order.id),
        fulfillable: isIn(FULFILLABLE_ORDER_STATUSES, order.status),
      })),
      statuses: ORDER_STATUSES,
      filters,
      pager: pager(request, page.currentPage, PER_PAGE, page.total),
    })
  }

  @inject()
  async ship(ctx: HttpContext, fulfil: FulfilOrderItem) {
    return this.advance(ctx, fulfil, 'shipped')
  }

  @inject()
  async deliver(ctx: HttpContext, fulfil: FulfilOrderItem) {
    return this.advance(ctx, fulfil, 'delivered')
  }

  /** The seller's own GST invoice of the order (the customer's copy has every seller's pages). */
  async invoice({ auth, bouncer, params, response }: HttpContext) {
    const seller = auth.getUserOrFail()
    const order = await findInvoicedOrder(params.id)
    const sellerIds = order?.items.map((item) => item.sellerId) ?? []
    await bouncer.with(InvoicePolicy).authorize('downloadSellerCopy', { sellerIds })
    const file = invoiceFile(order!, seller.id)
    if (!file) {
      throw new ConflictError('The invoice is being generated; try again in a minute', 'E_PENDING')
    }
    return sendInvoicePdf(response, file)
  }

  private async advance(
    { auth, bouncer, params, request, response, session }: HttpContext,
    fulfil: FulfilOrderItem,
    step: FulfilmentStep
  ) {
    await bouncer.with(FulfillmentPolicy).authorize('fulfil')
    const { order, item } = await fulfil.handle(auth.getUserOrFail(), params.id, params.item, step)
    session.flash('success', `${item.title} (order ${order.number}) marked ${step}.`)
    return response.redirect(backTo(request, '/panel/seller/orders'))
  }
}
