import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const AdminSellersController = () => import('#controllers/api/admin/sellers_controller')
const AdminUsersController = () => import('#controllers/api/admin/users_controller')

router
  .group(() => {
    router.get('sellers', [AdminSellersController, 'index'])
    router.post('sellers/:id/approve', [AdminSellersController, 'approve'])
    router.post('sellers/:id/reject', [AdminSellersController, 'reject'])
    router.get('users', [AdminUsersController, 'index'])
    router.patch('users/:id', [AdminUsersController, 'update'])
  })
  .prefix('/api/admin')
  .use([middleware.forceJson(), middleware.auth({ guards: ['api'] })])
