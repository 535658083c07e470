import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import { appUrl } from '#config/app'

/**
 * A browser's view of the panel: real HTTP, a cookie jar fed only by
 * Set-Cookie, CSRF tokens read from the pages. `copy()` is someone who
 * copied the cookies at that moment, to replay them later.
 */
export class PanelBrowser {
  constructor(
    private baseUrl = appUrl,
    private cookies = new Map<string, string>()
  ) {}

  copy() {
    return new PanelBrowser(this.baseUrl, new Map(this.cookies))
  }

  async get(path: string) {
    return this.send('GET', path)
  }

  /** Posts a form with the CSRF token of the page at `formPage`, as a browser would. */
  async post(path: string, fields: Record<string, string>, formPage = path) {
    const page = await (await this.get(formPage)).text()
    const csrf = page.match(/name='_csrf' value='([^']+)'/)?.[1]
    if (!csrf) throw new Error(`No CSRF field on ${formPage}`)
    return this.send('POST', path, new URLSearchParams({ ...fields, _csrf: csrf }))
  }

  async signIn(email: string, password: string) {
    const response = await this.post('/panel/login', { email, password })
    if (response.headers.get('location') !== '/panel') {
      throw new Error(`Sign-in failed: ${response.status} → ${response.headers.get('location')}`)
    }
  }

  private async send(method: string, path: string, body?: URLSearchParams) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      body,
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    })
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';')
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]
      const cleared = attributes.some((a) => {
        const [key, v] = a.trim().split('=')
        return (
          (key.toLowerCase() === 'max-age' && Number(v) <= 0) ||
          (key.toLowerCase() === 'expires' && new Date(v).getTime() < Date.now())
        )
      })
      if (cleared) this.cookies.delete(name.trim())
      else this.cookies.set(name.trim(), value)
    }
    return response
  }
}

/**
 * Runs the session middleware with another store than the tests' memory
 * store (`cookie` as in development, `redis` as in production) until
 * `restoreSessionStore()`.
 */
export async function useSessionStore(store: 'cookie' | 'redis') {
  const config = await configProvider.resolve<any>(app, app.config.get('session'))
  const emitter = await app.container.make('emitter')
  app.container.swap(SessionMiddleware, () => new SessionMiddleware({ ...config, store }, emitter))
}

export function restoreSessionStore() {
  app.container.restore(SessionMiddleware)
}
