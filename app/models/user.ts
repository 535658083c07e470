import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasOne } from '@adonisjs/lucid/orm'
import type { HasOne } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import { accessTokenLifetime } from '#config/auth'
import type { UserRole } from '#enums/user_role'
import SellerProfile from '#models/seller_profile'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export default class User extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare fullName: string

  @column()
  declare phone: string | null

  @column()
  declare role: UserRole

  @column()
  declare isActive: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasOne(() => SellerProfile)
  declare sellerProfile: HasOne<typeof SellerProfile>

  static accessTokens = DbAccessTokensProvider.forModel(User, {
    expiresIn: accessTokenLifetime,
    prefix: 'mkt_',
    table: 'auth_access_tokens',
    type: 'auth_token',
    tokenSecretLength: 40,
  })

  get isAdmin() {
    return this.role === 'admin'
  }

  get isCustomer() {
    return this.role === 'customer'
  }

  get isSeller() {
    return this.role === 'seller'
  }

  /** Only works when `sellerProfile` is preloaded: `loadPermissions()` does for sellers. */
  get isApprovedSeller() {
    return this.role === 'seller' && this.sellerProfile?.status === 'approved'
  }

  /**
   * What policies need beyond the row: seller permissions depend on the
   * profile's approval status. The auth middlewares call it once per request.
   */
  async loadPermissions(this: User) {
    if (this.role === 'seller' && !this.$preloaded.sellerProfile) await this.load('sellerProfile')
  }

  /** Emails are stored lower-cased; lookups must normalise the same way. */
  static normaliseEmail(email: string) {
    return email.trim().toLowerCase()
  }
}
