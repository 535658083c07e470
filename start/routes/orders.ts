import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const CartController = () => import('#controllers/api/cart_controller')
const OrdersController = () => import('#controllers/api/orders_controller')
const SellerOrdersController = () => import('#controllers/api/seller_orders_controller')
const AdminOrdersController = () => import('#controllers/api/admin/orders_controller')

router
  .group(() => {
    router.get('cart', [CartController, 'show'])
    router.post('cart', [CartController, 'add'])
    router.delete('cart', [CartController, 'clear'])
    router.patch('cart/:item', [CartController, 'update'])
    router.delete('cart/:item', [CartController, 'remove'])

    router.post('orders', [OrdersController, 'store'])
    router.get('orders', [OrdersController, 'index'])
    router.get('orders/:id', [OrdersController, 'show'])
    router.post('orders/:id/cancel', [OrdersController, 'cancel'])
    router.post('orders/:id/pay', [OrdersController, 'pay'])

    router.get('seller/orders', [SellerOrdersController, 'index'])
    router.get('seller/dashboard', [SellerOrdersController, 'dashboard'])
    router.post('seller/orders/:id/items/:item/ship', [SellerOrdersController, 'ship'])
    router.post('seller/orders/:id/items/:item/deliver', [SellerOrdersController, 'deliver'])

    router.get('admin/orders', [AdminOrdersController, 'index'])
  })
  .prefix('/api')
  .use([middleware.forceJson(), middleware.auth({ guards: ['api'] })])
