import { errors } from '@adonisjs/auth'
import User from '#models/user'

/**
 * Checks credentials and issues an access token. Wrong email, wrong
 * password and disabled account all get the same answer, so a caller
 * learns nothing about which accounts exist.
 */
export default class LoginUser {
  async handle(email: string, password: string) {
    const user = await this.verify(email, password)
    const token = await User.accessTokens.create(user)
    return { user, token }
  }

  /** The credential check alone; the panel starts a session with its result instead of a token. */
  async verify(email: string, password: string) {
    const user = await User.verifyCredentials(User.normaliseEmail(email), password)
    if (!user.isActive) {
      throw new errors.E_INVALID_CREDENTIALS('Invalid user credentials')
    }
    if (user.role === 'seller') await user.load('sellerProfile')
    return user
  }
}
