import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const PaymentsController = () => import('#controllers/api/payments_controller')
const CheckoutController = () => import('#controllers/checkout_controller')

router
  .post('/api/payments/verify', [PaymentsController, 'verify'])
  .use([middleware.forceJson(), middleware.auth({ guards: ['api'] })])
router.post('/api/payments/webhook', [PaymentsController, 'webhook']).use(middleware.forceJson())

router
  .group(() => {
    const razorpayOrderId = { match: /^order_[A-Za-z0-9]{1,40}$/ }
    router
      .get('/checkout/:razorpayOrderId', [CheckoutController, 'show'])
      .where('razorpayOrderId', razorpayOrderId)
    router
      .post('/checkout/:razorpayOrderId/sandbox/pay', [CheckoutController, 'sandboxPay'])
      .where('razorpayOrderId', razorpayOrderId)
    router
      .post('/checkout/:razorpayOrderId/sandbox/fail', [CheckoutController, 'sandboxFail'])
      .where('razorpayOrderId', razorpayOrderId)
    router.post('/checkout/callback', [CheckoutController, 'callback'])
  })
  .use([middleware.session(), middleware.shield()])
