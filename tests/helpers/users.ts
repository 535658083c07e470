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
