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
import { idParam } from '#start/routes/matchers'

import '#start/routes/system'
import '#start/routes/auth'
import '#start/routes/admin'
import '#start/routes/orders'
import '#start/routes/payments'
import '#start/routes/invoices'
import '#start/routes/catalog'
import '#start/routes/panel'

// Ids in paths are numeric everywhere unless a route or group says otherwise
// (the catalog API also takes slugs). Applied when the routes are committed.
for (const param of ['id', 'item', 'image', 'product']) router.where(param, idParam)

router
  .any('/api/*', ({ response }) =>
    response.notFound({ errors: [{ message: 'Route not found', code: 'E_ROUTE_NOT_FOUND' }] })
  )
  .use(middleware.forceJson())
