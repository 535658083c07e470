import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import ResetPassword from '#actions/auth/reset_password'
import { DomainError } from '#exceptions/domain_errors'
import { resetPasswordValidator } from '#validators/auth'

/**
 * The page the password-reset mail links to: a plain form (works without
 * JavaScript) that runs the same action as POST /api/auth/reset-password.
 */
export default class PasswordResetPageController {
  async show({ request, view }: HttpContext) {
    return view.render('auth/reset_password', { token: request.input('token', ''), errors: [] })
  }

  @inject()
  async update({ request, response, view }: HttpContext, resetPassword: ResetPassword) {
    const token = String(request.input('token', ''))
    try {
      const input = await request.validateUsing(resetPasswordValidator)
      await resetPassword.handle(input.token, input.password)
      return view.render('auth/reset_password_done')
    } catch (error) {
      const errors =
        error instanceof vineErrors.E_VALIDATION_ERROR
          ? (error.messages as { message: string }[]).map((m) => m.message)
          : error instanceof DomainError
            ? [error.message]
            : null
      if (!errors) throw error
      response.status(422)
      return view.render('auth/reset_password', { token, errors })
    }
  }
}
