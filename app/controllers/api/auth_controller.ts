import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import RegisterUser from '#actions/auth/register_user'
import LoginUser from '#actions/auth/login_user'
import UpdateProfile from '#actions/auth/update_profile'
import RequestPasswordReset from '#actions/auth/request_password_reset'
import ResetPassword from '#actions/auth/reset_password'
import {
  forgotPasswordValidator,
  loginValidator,
  registerValidator,
  resetPasswordValidator,
  updateMeValidator,
} from '#validators/auth'
import { serializeToken, serializeUser } from '#transformers/user_transformer'

export default class AuthController {
  @inject()
  async register({ request, response }: HttpContext, registerUser: RegisterUser) {
    const input = await request.validateUsing(registerValidator)
    const { user, token } = await registerUser.handle(input)
    return response.created({ data: { user: serializeUser(user), token: serializeToken(token) } })
  }

  @inject()
  async login({ request }: HttpContext, loginUser: LoginUser) {
    const { email, password } = await request.validateUsing(loginValidator)
    const { user, token } = await loginUser.handle(email, password)
    return { data: { user: serializeUser(user), token: serializeToken(token) } }
  }

  async logout({ auth, response }: HttpContext) {
    const user = auth.use('api').user!
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    return response.noContent()
  }

  async me({ auth }: HttpContext) {
    return { data: serializeUser(auth.getUserOrFail()) }
  }

  @inject()
  async updateMe({ auth, request }: HttpContext, updateProfile: UpdateProfile) {
    const input = await request.validateUsing(updateMeValidator)
    const user = auth.use('api').getUserOrFail()
    await updateProfile.handle(user, input, {
      currentTokenId: user.currentAccessToken.identifier,
    })
    return { data: serializeUser(user) }
  }

  /** 202 whether or not the account exists: nothing to learn about who is registered. */
  @inject()
  async forgotPassword({ request, response }: HttpContext, requestReset: RequestPasswordReset) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await requestReset.handle(email)
    return response.accepted({
      data: { message: 'If an account exists for this email, a reset link is on its way.' },
    })
  }

  @inject()
  async resetPassword({ request, response }: HttpContext, resetPassword: ResetPassword) {
    const { token, password } = await request.validateUsing(resetPasswordValidator)
    await resetPassword.handle(token, password)
    return response.noContent()
  }
}
