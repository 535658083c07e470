import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import type { ApiError } from '#exceptions/handler'
import { backTo, labelFields } from '#controllers/panel/support/forms'

type ErrorShaper = { toApiErrors(error: unknown): { status: number; errors: ApiError[] } }

/**
 * Failures on panel pages, shown the way a person expects from a form:
 * a refused or invalid POST goes back to the form with the message (next to
 * its field when it names one); a page that cannot be shown (403, 404, a
 * conflict on a GET) renders the panel's error page with that status.
 * Validation, login and CSRF errors keep the framework's own behaviour
 * (flash + redirect back, redirect to the login page). Returns false to
 * leave the error to the default handler (5xx, those above).
 */
export async function renderPanelError(shaper: ErrorShaper, error: unknown, ctx: HttpContext) {
  const err = error as { code?: string }
  if (error instanceof vineErrors.E_VALIDATION_ERROR) return false
  if (
    err?.code &&
    ['E_UNAUTHORIZED_ACCESS', 'E_INVALID_CREDENTIALS', 'E_BAD_CSRF_TOKEN'].includes(err.code)
  ) {
    return false
  }
  const shaped = shaper.toApiErrors(error)
  const { status } = shaped
  if (status >= 500) return false
  // Domain errors are worded for the API; the forms name fields by their labels.
  const errors = shaped.errors.map((e) => ({ ...e, message: labelFields(e.message) }))

  const isForm = ctx.request.method() !== 'GET'
  if (isForm && ![403, 404].includes(status) && ctx.session) {
    ctx.session.flashExcept(['_csrf', '_method', 'password', 'password_confirmation'])
    const fields: Record<string, string[]> = {}
    for (const e of errors) if (e.field) (fields[e.field] ??= []).push(e.message)
    if (Object.keys(fields).length > 0) {
      ctx.session.flash('inputErrorsBag', fields)
      ctx.session.flash('error', 'Please correct the highlighted fields.')
    } else {
      ctx.session.flash('error', errors.map((e) => e.message).join(' '))
    }
    ctx.response.redirect(backTo(ctx.request, '/panel'))
    return true
  }

  ctx.response.status(status)
  ctx.response.send(
    await ctx.view.render('panel/error', {
      status,
      messages: errors.map((e) => e.message),
      requestId: ctx.request.id(),
    })
  )
  return true
}
