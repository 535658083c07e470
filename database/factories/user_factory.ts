import factory from '@adonisjs/lucid/factories'
import User from '#models/user'
import SellerProfile from '#models/seller_profile'
import { gstinCheckDigit } from '#validators/rules/gstin'

let sequence = 0

/** A syntactically valid GSTIN (with its check digit) for a given state code. */
export function fakeGstin(stateCode = '29') {
  sequence++
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
  const pick = (n: number) => letters[(sequence * 7 + n * 13) % letters.length]
  const pan = `${pick(1)}${pick(2)}${pick(3)}P${pick(4)}${String(1000 + (sequence % 9000)).padStart(4, '0')}${pick(5)}`
  const first14 = `${stateCode}${pan}1Z`
  return `${first14}${gstinCheckDigit(first14)}`
}

export const SellerProfileFactory = factory
  .define(SellerProfile, ({ faker }) => ({
    businessName: `${faker.company.name()} ${++sequence}`.slice(0, 160),
    gstin: fakeGstin(),
    addressLine1: faker.location.streetAddress(),
    city: 'Bengaluru',
    state: 'Karnataka',
    pincode: '560001',
    status: 'pending' as const,
  }))
  .state('approved', (profile) => (profile.status = 'approved'))
  .state('rejected', (profile) => (profile.status = 'rejected'))
  .build()

export const UserFactory = factory
  .define(User, ({ faker }) => ({
    email: `user${++sequence}.${faker.string.alphanumeric(6)}@example.com`.toLowerCase(),
    password: 'secret-pass-42',
    fullName: faker.person.fullName().slice(0, 120),
    phone: `9${faker.string.numeric(9)}`,
    role: 'customer' as const,
    isActive: true,
  }))
  .state('admin', (user) => (user.role = 'admin'))
  .state('seller', (user) => (user.role = 'seller'))
  .state('disabled', (user) => (user.isActive = false))
  .relation('sellerProfile', () => SellerProfileFactory)
  .build()
