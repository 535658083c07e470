import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasOne } from '@adonisjs/lucid/orm'
import type { HasOne } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
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

  /** Stamped into a panel session at sign-in; a session with an older stamp is signed out. */
  @column({ serializeAs: null })
  declare sessionVersion: number

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

  /**
   * Ends every panel session of the account (see `#services/auth/panel_sessions`).
   * Incremented in SQL, so two bumps at once both count.
   */
  async endPanelSessions(this: User, trx?: TransactionClientContract) {
    const [row] = await (trx ?? db)
      .from('users')
      .where('id', this.id)
      .increment('session_version', 1)
      .returning('session_version')
    // Written as the saved value too, so a later save() does not send it again.
    this.$attributes.sessionVersion = row.session_version
    this.$original.sessionVersion = row.session_version
  }

  /** Revokes the account's API tokens, all of them or all but the one in use. */
  async revokeAccessTokens(
    this: User,
    trx: TransactionClientContract,
    options: { except?: string | number | BigInt } = {}
  ) {
    const query = trx.from('auth_access_tokens').where('tokenable_id', this.id)
    if (options.except !== undefined) query.whereNot('id', String(options.except))
    await query.delete()
  }

  /** Emails are stored lower-cased; lookups must normalise the same way. */
  static normaliseEmail(email: string) {
    return email.trim().toLowerCase()
  }
}
