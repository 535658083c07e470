import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { idParam } from '#start/routes/matchers'

const InvoicesController = () => import('#controllers/api/invoices_controller')

router
  .get('/api/orders/:id/invoice', [InvoicesController, 'show'])
  .where('id', idParam)
  .use([middleware.forceJson(), middleware.auth({ guards: ['api'] })])
