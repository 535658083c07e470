import { BaseSeeder } from '@adonisjs/lucid/seeders'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { seedDemoUsers } from '#database/demo/users'
import { seedDemoCatalog } from '#database/demo/catalog'
import { seedDemoOrders } from '#database/demo/orders'

/**
 * What `node ace db:seed` (and so `npm run setup`) loads: the demo
 * marketplace. Every step is idempotent, so setup can run again safely.
 */
export default class MainSeeder extends BaseSeeder {
  async run() {
    // The demo admin's password is published in the README.
    if (app.inProduction && !env.get('DEMO_SEED_IN_PRODUCTION')) {
      throw new Error(
        'The demo seeder creates accounts with published passwords and does not run in production; set DEMO_SEED_IN_PRODUCTION=true to force it'
      )
    }
    await seedDemoUsers()
    await seedDemoCatalog()
    await seedDemoOrders()
  }
}
