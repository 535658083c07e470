import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { idParam } from '#start/routes/matchers'

const CartController = () => import('#controllers/api/cart_controller')
const OrdersController = () => import('#controllers/api/orders_controller')
const SellerOrdersController = () => import('#controllers/api/seller_orders_controller')
const AdminOrdersController = () => import('#controllers/api/admin/orders_controller')

router
  .group(() => {
    router.get('cart', [CartController, 'show'])
    router.post('cart', [CartController, 'add'])
    router.delete('cart', [CartController, 'clear'])
    router.patch('cart/:item', [CartController, 'update']).where('item', idParam)
    router.delete('cart/:item', [CartController, 'remove']).where('item', idParam)

    router.post('orders', [OrdersController, 'store'])
    router.get('orders', [OrdersController, 'index'])
    router.get('orders/:id', [OrdersController, 'show']).where('id', idParam)
    router.post('orders/:id/cancel', [OrdersController, 'cancel']).where('id', idParam)
    router.post('orders/:id/pay', [OrdersController, 'pay']).where('id', idParam)

    router.get('seller/orders', [SellerOrdersController, 'index'])
    router.get('seller/dashboard', [SellerOrdersController, 'dashboard'])
    router
      .post('seller/orders/:id/items/:item/ship', [SellerOrdersController, 'ship'])
      .where('id', idParam)
      .where('item', idParam)
    router
      .post('seller/orders/:id/items/:item/deliver', [SellerOrdersController, 'deliver'])
      .where('id', idParam)
      .where('item', idParam)

    router.get('admin/orders', [AdminOrdersController, 'index'])
  })
  .prefix('/api')
  .use([middleware.forceJson(), middleware.auth({ guards: ['api'] })])
