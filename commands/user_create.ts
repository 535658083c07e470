import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import vine from '@vinejs/vine'
import { USER_ROLES, type UserRole } from '#enums/user_role'
import { newPassword } from '#validators/rules/password'

const inputValidator = vine.compile(
  vine.object({
    email: vine.string().trim().maxLength(254).email().toLowerCase(),
    full_name: vine.string().trim().minLength(1).maxLength(120),
    password: newPassword(),
    role: vine.enum(USER_ROLES),
  })
)

/**
 * The only way to create an admin: `node ace user:create --role=admin`.
 * Prompts for what the flags leave out.
 */
export default class UserCreate extends BaseCommand {
  static commandName = 'user:create'
  static description = 'Create a user (admins are only ever created this way)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'customer, seller or admin', default: 'admin' })
  declare role: string

  @flags.string({ description: 'Email address' })
  declare email?: string

  @flags.string({ description: 'Full name' })
  declare name?: string

  @flags.string({ description: 'Password (prompted, hidden, when omitted)' })
  declare password?: string

  async run() {
    const { default: User } = await import('#models/user')
    const { default: SellerProfile } = await import('#models/seller_profile')

    const email = this.email ?? (await this.prompt.ask('Email'))
    const fullName = this.name ?? (await this.prompt.ask('Full name'))
    const password = this.password ?? (await this.prompt.secure('Password (8+ characters)'))

    const [error, input] = await inputValidator.tryValidate({
      email,
      full_name: fullName,
      password,
      role: this.role,
    })
    if (error) {
      for (const message of error.messages)
        this.logger.error(`${message.field}: ${message.message}`)
      this.exitCode = 1
      return
    }

    const existing = await User.query().whereRaw('lower(email) = ?', [input.email]).first()
    if (existing) {
      this.logger.error(`A user with email ${input.email} already exists`)
      this.exitCode = 1
      return
    }

    const user = await User.create({
      email: input.email,
      fullName: input.full_name,
      password: input.password,
      role: input.role as UserRole,
      isActive: true,
    })
    if (user.role === 'seller') {
      await SellerProfile.create({
        userId: user.id,
        businessName: user.fullName,
        status: 'pending',
      })
    }
    this.logger.success(`Created ${user.role} #${user.id} <${user.email}>`)
  }
}
