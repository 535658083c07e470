/*
| The server-rendered panel for sellers and admins. Session guard `web`,
| CSRF on every POST (shield), forms only (no JavaScript needed): every
| action posts and redirects with a flash message. Authorisation goes
| through the same Bouncer policies and the same actions as the JSON API.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { loginThrottle } from '#start/limiter'

const SessionController = () => import('#controllers/panel/session_controller')
const HomeController = () => import('#controllers/panel/home_controller')
const SellerOrdersController = () => import('#controllers/panel/seller/orders_controller')
const SellerProductsController = () => import('#controllers/panel/seller/products_controller')
const SellerDashboardController = () => import('#controllers/panel/seller/dashboard_controller')
const AdminDashboardController = () => import('#controllers/panel/admin/dashboard_controller')
const SellerProfileController = () => import('#controllers/panel/seller/profile_controller')
const AdminCategoriesController = () => import('#controllers/panel/admin/categories_controller')
const AdminJobsController = () => import('#controllers/panel/admin/jobs_controller')
const AdminSellersController = () => import('#controllers/panel/admin/sellers_controller')
const AdminUsersController = () => import('#controllers/panel/admin/users_controller')
const AdminOrdersController = () => import('#controllers/panel/admin/orders_controller')
const AdminProductsController = () => import('#controllers/panel/admin/products_controller')

const web = middleware.auth({ guards: ['web'] })

// Server-rendered pages: cookie sessions and CSRF protection.
router
  .group(() => {
    router.get('/panel/login', [SessionController, 'show'])
    router.post('/panel/login', [SessionController, 'store']).use(loginThrottle)
    router.post('/panel/logout', [SessionController, 'destroy']).use(web)

    router.get('/panel', [HomeController, 'index']).use([web, middleware.panel({ area: 'any' })])

    router
      .group(() => {
        router.get('/', [SellerDashboardController, 'show'])
        router.get('orders', [SellerOrdersController, 'index'])
        router.post('orders/:id/items/:item/ship', [SellerOrdersController, 'ship'])
        router.post('orders/:id/items/:item/deliver', [SellerOrdersController, 'deliver'])
        router.get('orders/:id/invoice', [SellerOrdersController, 'invoice'])

        router.get('profile', [SellerProfileController, 'show'])
        router.post('profile', [SellerProfileController, 'update'])

        router.get('products', [SellerProductsController, 'index'])
        router.get('products/new', [SellerProductsController, 'create'])
        router.post('products', [SellerProductsController, 'store'])
        router.get('products/:product/edit', [SellerProductsController, 'edit'])
        router.post('products/:product', [SellerProductsController, 'update'])
        router.post('products/:product/quick', [SellerProductsController, 'quickUpdate'])
        router.post('products/:product/images', [SellerProductsController, 'addImage'])
        router.post('products/:product/images/:image/delete', [
          SellerProductsController,
          'removeImage',
        ])
      })
      .prefix('/panel/seller')
      .use([web, middleware.panel({ area: 'seller' })])

    router
      .group(() => {
        router.get('/', [AdminDashboardController, 'show'])
        router.get('sellers', [AdminSellersController, 'index'])
        router.post('sellers/:id/approve', [AdminSellersController, 'approve'])
        router.post('sellers/:id/reject', [AdminSellersController, 'reject'])
        router.get('users', [AdminUsersController, 'index'])
        router.post('users/:id/active', [AdminUsersController, 'setActive'])
        router.get('orders', [AdminOrdersController, 'index'])

        // Any seller's product, through the seller's product pages (ProductPolicy lets admins in).
        router.get('products', [AdminProductsController, 'index'])
        router.get('products/:product/edit', [AdminProductsController, 'edit'])
        router.post('products/:product', [AdminProductsController, 'update'])
        router.post('products/:product/quick', [AdminProductsController, 'quickUpdate'])
        router.post('products/:product/images', [AdminProductsController, 'addImage'])
        router.post('products/:product/images/:image/delete', [
          AdminProductsController,
          'removeImage',
        ])

        router.get('categories', [AdminCategoriesController, 'index'])
        router.post('categories', [AdminCategoriesController, 'store'])
        router.get('categories/:id/edit', [AdminCategoriesController, 'edit'])
        router.post('categories/:id', [AdminCategoriesController, 'update'])
        router.post('categories/:id/delete', [AdminCategoriesController, 'destroy'])

        router.get('jobs', [AdminJobsController, 'index'])
        router.post('jobs/retry', [AdminJobsController, 'retry'])
      })
      .prefix('/panel/admin')
      .use([web, middleware.panel({ area: 'admin' })])
  })
  .use([middleware.session(), middleware.shield()])
