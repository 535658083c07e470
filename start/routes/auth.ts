import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import {
  forgotPasswordThrottle,
  loginThrottle,
  registerThrottle,
  resetPasswordThrottle,
} from '#start/limiter'

const AuthController = () => import('#controllers/api/auth_controller')
const SellerProfileController = () => import('#controllers/api/seller/profile_controller')

router
  .group(() => {
    router.post('register', [AuthController, 'register']).use(registerThrottle)
    router.post('login', [AuthController, 'login']).use(loginThrottle)
    router.post('forgot-password', [AuthController, 'forgotPassword']).use(forgotPasswordThrottle)
    router.post('reset-password', [AuthController, 'resetPassword']).use(resetPasswordThrottle)
    router
      .group(() => {
        router.post('logout', [AuthController, 'logout'])
        router.get('me', [AuthController, 'me'])
        router.patch('me', [AuthController, 'updateMe'])
      })
      .use(middleware.auth({ guards: ['api'] }))
  })
  .prefix('/api/auth')
  .use(middleware.forceJson())

router
  .group(() => {
    router.get('profile', [SellerProfileController, 'show'])
    router.patch('profile', [SellerProfileController, 'update'])
  })
  .prefix('/api/seller')
  .use([middleware.forceJson(), middleware.auth({ guards: ['api'] })])
