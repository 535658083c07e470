import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { errors as vineErrors } from '@vinejs/vine'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { DomainError } from '#exceptions/domain_errors'
import { renderPanelError } from '#exceptions/panel_errors'

export type ApiError = { message: string; field?: string; rule?: string; code?: string }

/**
 * PostgreSQL errors that can only come from a value the client sent
 * (an id past the integer range, a string where a number belongs).
 */
const PG_BAD_INPUT = new Set([
  '22P02', // invalid text representation
  '22003', // numeric value out of range
  '22001', // string too long
  '22007', // invalid datetime format
  '22008', // datetime field overflow
  '22021', // invalid byte sequence (a NUL character in text)
  '22P05', // untranslatable character
  '22025', // invalid escape sequence
  '2201B', // invalid regular expression
])

/**
 * Errors that mean the database went away for a moment (a restart, a
 * dropped connection, a full pool), not that the request was wrong: the
 * client may simply retry, so they are a 503 with Retry-After.
 */
const DB_UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: the server is restarting or killed the backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
])

function isDatabaseUnavailable(err: any) {
  if (!err) return false
  if (
    typeof err.code === 'string' &&
    (DB_UNAVAILABLE_CODES.has(err.code) || /^08/.test(err.code))
  ) {
    return true
  }
  return (
    err.name === 'KnexTimeoutError' ||
    /^Connection terminated( unexpectedly)?$|^Client has encountered a connection error and is not queryable$/.test(
      String(err.message ?? '')
    )
  )
}

/** Seconds a client should wait before retrying after a database blip. */
const DB_RETRY_AFTER_SECONDS = 2

const GENERIC_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'You are not allowed to do this',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body is too large',
  415: 'Unsupported media type',
  422: 'Validation failed',
  429: 'Too many requests',
  500: 'Something went wrong on our side',
  503: 'Service unavailable',
}

/** The generic error page: the status in words and the request id, never the exception. */
const renderErrorPage: StatusPageRenderer = (error, ctx) => {
  const status = Number(error.status)
  return ctx.view.render(status === 404 ? 'errors/not_found' : 'errors/generic', {
    status,
    title: GENERIC_MESSAGES[status] ?? (status >= 500 ? GENERIC_MESSAGES[500] : 'Request failed'),
    requestId: ctx.request.id(),
    // The storefront is another application; only the panel has a home here.
    home: ctx.request.url().startsWith('/panel') ? '/panel' : null,
  })
}

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  /**
   * Pages (everything but the JSON routes) fail with a generic page in
   * production; in development the debug page shows the exception.
   */
  protected renderStatusPages = app.inProduction
  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '400..599': renderErrorPage,
  }

  /** Everything under /api, /health and /docs speaks JSON, whatever the client accepts. */
  protected wantsJson(ctx: HttpContext) {
    const url = ctx.request.url()
    return (
      url === '/api' ||
      url.startsWith('/api/') ||
      url.startsWith('/health') ||
      ctx.request.accepts(['html', 'json']) === 'json'
    )
  }

  async handle(error: unknown, ctx: HttpContext) {
    if (!this.wantsJson(ctx)) {
      if (ctx.request.url().startsWith('/panel') && (await renderPanelError(this, error, ctx))) {
        return
      }
      return super.handle(error, ctx)
    }
    const { status, errors, headers } = this.toApiErrors(error)
    for (const [name, value] of Object.entries(headers)) {
      ctx.response.header(name, value)
    }
    return ctx.response.status(status).send({ errors })
  }

  toApiErrors(error: unknown): {
    status: number
    errors: ApiError[]
    headers: Record<string, string | number>
  } {
    const err = error as any

    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      return {
        status: 422,
        headers: {},
        errors: (err.messages as any[]).map((m) => ({
          message: m.message,
          field: m.field,
          rule: m.rule,
        })),
      }
    }

    // Expected domain failures carry their own status and message, 5xx included (gateway down).
    if (error instanceof DomainError) {
      const base = { message: error.message, code: error.code }
      return {
        status: error.status,
        headers: {},
        errors: error.details?.length
          ? error.details.map((detail) => ({ code: error.code, ...detail }))
          : [
              {
                ...base,
                ...(error.field ? { field: error.field } : {}),
                ...(error.rule ? { rule: error.rule } : {}),
              },
            ],
      }
    }

    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
      return {
        status: 429,
        headers: { ...error.getDefaultHeaders(), ...(error.headers ?? {}) },
        errors: [{ message: 'Too many requests. Try again later.', code: 'E_TOO_MANY_REQUESTS' }],
      }
    }

    if (isDatabaseUnavailable(err)) {
      return {
        status: 503,
        headers: { 'Retry-After': DB_RETRY_AFTER_SECONDS },
        errors: [
          {
            message: 'The service is briefly unavailable. Try again in a moment.',
            code: 'E_SERVICE_UNAVAILABLE',
          },
        ],
      }
    }

    if (typeof err?.code === 'string' && PG_BAD_INPUT.has(err.code)) {
      return {
        status: 400,
        headers: {},
        errors: [
          { message: 'A value in the request is out of range or malformed', code: 'E_BAD_INPUT' },
        ],
      }
    }

    // A policy may deny with its own status (404 for someone else's resource) and message.
    if (err?.code === 'E_AUTHORIZATION_FAILURE' && err.response?.status) {
      const denied = Number(err.response.status)
      return {
        status: denied,
        headers: {},
        errors: [
          {
            message: err.response.message || GENERIC_MESSAGES[denied] || GENERIC_MESSAGES[403],
            code: denied === 404 ? 'E_NOT_FOUND' : 'E_AUTHORIZATION_FAILURE',
          },
        ],
      }
    }

    let status: number = Number(err?.status ?? err?.statusCode ?? 500)
    if (!Number.isInteger(status) || status < 400 || status > 599) status = 500

    // Body parser errors: malformed JSON and oversized bodies.
    const malformedJson =
      (error instanceof SyntaxError && status === 400) ||
      err?.message === 'Invalid JSON, only supports object and array'
    if (malformedJson) {
      return {
        status: 400,
        headers: {},
        errors: [{ message: 'Malformed JSON in request body', code: 'E_BAD_REQUEST' }],
      }
    }
    if (status === 413) {
      return {
        status: 413,
        headers: {},
        errors: [{ message: 'Request body is too large', code: 'E_PAYLOAD_TOO_LARGE' }],
      }
    }

    if (status >= 500) {
      return {
        status,
        headers: {},
        errors: [
          {
            message: this.debug && err?.message ? err.message : GENERIC_MESSAGES[500],
            code: 'E_INTERNAL',
          },
        ],
      }
    }

    const message =
      err?.code === 'E_ROUTE_NOT_FOUND'
        ? 'Route not found'
        : err?.code === 'E_ROW_NOT_FOUND'
          ? 'Not found'
          : err?.code === 'E_AUTHORIZATION_FAILURE'
            ? GENERIC_MESSAGES[403]
            : (err?.message ?? GENERIC_MESSAGES[status] ?? 'Request failed')

    const apiError: ApiError = { message }
    if (typeof err?.code === 'string' && err.code.startsWith('E_')) apiError.code = err.code
    if (err?.field) apiError.field = err.field
    return { status, headers: {}, errors: [apiError] }
  }
}
