import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'

/**
 * Used to sign cookies and encrypt values. Keep it secret.
 */
export const appKey = new Secret(env.get('APP_KEY'))

/**
 * The public base URL in links (checkout pages, mails, invoice and image
 * URLs, sandbox webhooks), without a trailing slash. Without APP_URL it is
 * the address the server listens on, so changing PORT alone breaks no link.
 */
export function resolveAppUrl(vars: { APP_URL?: string; HOST: string; PORT: number }) {
  if (vars.APP_URL) return vars.APP_URL.replace(/\/+$/, '')
  // A wildcard address is where the server listens, not one a browser can open.
  const host = ['0.0.0.0', '::'].includes(vars.HOST) ? '127.0.0.1' : vars.HOST
  return `http://${host.includes(':') ? `[${host}]` : host}:${vars.PORT}`
}

export const appUrl = resolveAppUrl({
  APP_URL: env.get('APP_URL'),
  HOST: env.get('HOST'),
  PORT: env.get('PORT'),
})

/**
 * Which peers may tell us the client's address in X-Forwarded-For
 * (TRUSTED_PROXIES: comma-separated addresses, CIDR ranges or proxy-addr
 * names such as `loopback`, `uniquelocal`; `none` for no one). Anyone else's
 * X-Forwarded-For is ignored, so a client cannot pick its own rate-limit
 * bucket; behind a load balancer, list it, or every shopper shares its IP.
 */
export function trustedProxies(value: string | undefined): string | false {
  const list = (value ?? '').trim()
  if (list === '') return 'loopback'
  return list.toLowerCase() === 'none' ? false : list
}

export const http = defineConfig({
  generateRequestId: true,
  trustProxy: trustedProxies(env.get('TRUSTED_PROXIES')),
  allowMethodSpoofing: true,
  useAsyncLocalStorage: false,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
