/*
|--------------------------------------------------------------------------
| HTTP kernel
|--------------------------------------------------------------------------
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

/**
 * Server middleware run on every request, matched route or not.
 */
server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/trailing_slash_middleware'),
  () => import('@adonisjs/static/static_middleware'),
])

/**
 * Router middleware run on every matched route. Sessions and shield (CSRF,
 * frame and sniffing headers) are applied only to the server-rendered pages
 * (`middleware.web()`): the JSON API authenticates with bearer tokens, and
 * its responses carry no session cookies.
 */
router.use([
  () => import('#middleware/upload_cleanup_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
])

export const middleware = router.named({
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('@adonisjs/shield/shield_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  silentAuth: () => import('#middleware/silent_auth_middleware'),
  forceJson: () => import('#middleware/force_json_response_middleware'),
  panel: () => import('#middleware/panel_middleware'),
})
