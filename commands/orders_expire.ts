import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Expires unpaid orders past ORDER_PAYMENT_TTL_MINUTES now (the queue does it every minute). */
export default class OrdersExpire extends BaseCommand {
  static commandName = 'orders:expire'
  static description = 'Expire unpaid orders past their payment window and release their stock'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: ExpireUnpaidOrders } = await import('#actions/orders/expire_unpaid_orders')
    const expired = await new ExpireUnpaidOrders().handle()
    this.logger.success(`Expired ${expired} unpaid order${expired === 1 ? '' : 's'}`)
  }
}
