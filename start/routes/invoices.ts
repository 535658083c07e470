import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const InvoicesController = () => import('#controllers/api/invoices_controller')

router
  .get('/api/orders/:id/invoice', [InvoicesController, 'show'])
  .use([middleware.forceJson(), middleware.auth({ guards: ['api'] })])
