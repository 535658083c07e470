import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { seedDemoUsers } from '#database/demo/users'
import { seedDemoCatalog } from '#database/demo/catalog'
import { seedDemoOrders } from '#database/demo/orders'

/**
 * What `node ace db:seed` (and so `npm run setup`) loads: the demo
 * marketplace. Every step is idempotent, so setup can run again safely.
 */
export default class MainSeeder extends BaseSeeder {
  async run() {
    await seedDemoUsers()
    await seedDemoCatalog()
    await seedDemoOrders()
  }
}
