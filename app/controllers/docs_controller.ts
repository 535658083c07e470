import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const swaggerDist = join(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
  '..'
)
const ASSETS = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'application/javascript; charset=utf-8'],
])

/** Serves docs/openapi.yaml and a Swagger UI page to browse it, from local files only. */
export default class DocsController {
  async ui({ response }: HttpContext) {
    response.header('content-type', 'text/html; charset=utf-8')
    return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Marketplace API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script>window.ui = SwaggerUIBundle({ url: '/docs/openapi.yaml', dom_id: '#swagger-ui' })</script>
</body>
</html>`
  }

  async spec({ response }: HttpContext) {
    response.header('content-type', 'application/yaml; charset=utf-8')
    return readFile(app.makePath('docs/openapi.yaml'), 'utf8')
  }

  async asset({ params, response }: HttpContext) {
    const type = ASSETS.get(params.file)
    if (!type) return response.notFound({ errors: [{ message: 'Not found' }] })
    response.header('content-type', type)
    response.header('cache-control', 'public, max-age=86400')
    return response.stream(
      (await import('node:fs')).createReadStream(join(swaggerDist, params.file))
    )
  }
}
