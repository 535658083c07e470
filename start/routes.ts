/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| One file per area under start/routes. Every route also answers with a
| trailing slash (TrailingSlashMiddleware). The /api catch-all comes last
| so unknown API routes get the JSON 404 shape.
|
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

import '#start/routes/system'
import '#start/routes/auth'
import '#start/routes/admin'
import '#start/routes/orders'
import '#start/routes/payments'
import '#start/routes/invoices'
import '#start/routes/catalog'
import '#start/routes/panel'

router
  .any('/api/*', ({ response }) =>
    response.notFound({ errors: [{ message: 'Route not found', code: 'E_ROUTE_NOT_FOUND' }] })
  )
  .use(middleware.forceJson())
