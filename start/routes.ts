/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| Every route also answers with a trailing slash (see
| TrailingSlashMiddleware). Numeric params are checked by matchers, so
| `/api/admin/users/abc` is a 404, never a database error.
|
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { loginThrottle, registerThrottle } from '#start/limiter'

const AuthController = () => import('#controllers/api/auth_controller')
const AdminSellersController = () => import('#controllers/api/admin/sellers_controller')
const AdminUsersController = () => import('#controllers/api/admin/users_controller')
const HealthController = () => import('#controllers/health_controller')
const DocsController = () => import('#controllers/docs_controller')

const id = { match: /^[1-9]\d{0,9}$/, cast: (value: string) => Number(value) }

router.get('/health/live', [HealthController, 'live'])
router.get('/health/ready', [HealthController, 'ready'])

router.get('/docs', [DocsController, 'ui'])
router.get('/docs/openapi.yaml', [DocsController, 'spec'])
router.get('/docs/assets/:file', [DocsController, 'asset'])

router
  .group(() => {
    router
      .group(() => {
        router.post('register', [AuthController, 'register']).use(registerThrottle)
        router.post('login', [AuthController, 'login']).use(loginThrottle)
        router
          .group(() => {
            router.post('logout', [AuthController, 'logout'])
            router.get('me', [AuthController, 'me'])
            router.patch('me', [AuthController, 'updateMe'])
          })
          .use(middleware.auth({ guards: ['api'] }))
      })
      .prefix('auth')

    router
      .group(() => {
        router.get('sellers', [AdminSellersController, 'index'])
        router.post('sellers/:id/approve', [AdminSellersController, 'approve']).where('id', id)
        router.post('sellers/:id/reject', [AdminSellersController, 'reject']).where('id', id)
        router.get('users', [AdminUsersController, 'index'])
        router.patch('users/:id', [AdminUsersController, 'update']).where('id', id)
      })
      .prefix('admin')
      .use(middleware.auth({ guards: ['api'] }))

    // Unknown /api routes get the JSON 404 shape instead of an HTML page.
    router.any('*', ({ response }) =>
      response.notFound({ errors: [{ message: 'Route not found', code: 'E_ROUTE_NOT_FOUND' }] })
    )
  })
  .prefix('/api')
  .use(middleware.forceJson())
