import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { openapi } from '@japa/openapi-assertions'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { createHttpServer } from '#services/platform/http_server'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { browserClient } from '@japa/browser-client'
import { chromium } from 'playwright'
import chromiumConfig from '#config/chromium'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'

export const plugins: Config['plugins'] = [
  assert(),
  openapi({ schemas: [new URL('../docs/openapi.yaml', import.meta.url)] }),
  apiClient(),
  // One headless Chromium (Debian's, no download) for the whole `browser` suite.
  browserClient({
    runInSuites: ['browser'],
    launcher: (options) =>
      chromium.launch({
        ...options,
        executablePath: chromiumConfig.executablePath,
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
      }),
  }),
  pluginAdonisJS(app),
  sessionApiClient(app),
  sessionBrowserClient(app),
  shieldApiClient(),
  authApiClient(app),
  authBrowserClient(app),
]

/**
 * Once per run: bring the test database schema up to date.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [() => testUtils.db().migrate()],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['browser', 'functional', 'e2e', 'jobs'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start(createHttpServer))
  }
}
