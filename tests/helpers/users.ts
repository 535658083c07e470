import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import RequestPasswordReset from '#actions/auth/request_password_reset'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'

export const PASSWORD = 'secret-pass-42'

export function createCustomer() {
  return UserFactory.create()
}

export async function createSeller(status: 'pending' | 'approved' | 'rejected' = 'approved') {
  const user = await UserFactory.apply('seller')
    .with('sellerProfile', 1, (profile) => profile.merge({ status }))
    .create()
  await user.load('sellerProfile')
  return user
}

export function createAdmin() {
  return UserFactory.apply('admin').create()
}

/** A real access token, as a client would hold after logging in. */
export async function tokenFor(user: User) {
  const token = await User.accessTokens.create(user)
  return token.value!.release()
}

/** The raw token the reset mail will carry, read back the way the mail job does. */
export async function issueResetToken(email: string) {
  await new RequestPasswordReset().handle(email)
  const event = await db
    .from('outbox_events')
    .where('type', 'password_reset.requested')
    .orderBy('id', 'desc')
    .firstOrFail()
  return encryption.decrypt<string>(event.payload.sealedToken)!
}
