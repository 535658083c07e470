import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const HealthController = () => import('#controllers/health_controller')
const DocsController = () => import('#controllers/docs_controller')

router.get('/health/live', [HealthController, 'live'])
router.get('/health/ready', [HealthController, 'ready'])

router.get('/docs', [DocsController, 'ui'])
router.get('/docs/openapi.yaml', [DocsController, 'spec'])
router.get('/docs/assets/:file', [DocsController, 'asset'])

const PasswordResetPageController = () => import('#controllers/password_reset_page_controller')
router
  .group(() => {
    router.get('/reset-password', [PasswordResetPageController, 'show'])
    router.post('/reset-password', [PasswordResetPageController, 'update'])
  })
  .use([middleware.session(), middleware.shield()])
