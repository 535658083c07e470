import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('email', 254).notNullable()
      table.string('password').notNullable()
      table.string('full_name', 120).notNullable()
      table.string('phone', 20).nullable()
      table.string('role', 16).notNullable().defaultTo('customer')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('customer', 'seller', 'admin'))`
    )
    // Emails are unique whatever their case: Foo@x.in and foo@x.in are one person.
    this.schema.raw('CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email))')
    this.schema.raw('CREATE INDEX users_role_created_idx ON users (role, created_at DESC)')
  }

  async down() {
    this.schema.dropTable('users')
  }
}
