import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    // Work to enqueue, written in the transaction that justifies it and
    // dispatched after commit (and by the sweeper if Redis was down then).
    this.schema.createTable('outbox_events', (table) => {
      table.bigIncrements('id')
      table.string('type', 64).notNullable()
      table.jsonb('payload').notNullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.string('last_error', 500).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('dispatched_at', { useTz: true }).nullable()
    })
    this.schema.raw(
      'CREATE INDEX outbox_events_pending_idx ON outbox_events (id) WHERE dispatched_at IS NULL'
    )

    // One row per mail, claimed before sending: a retried job finds its claim and skips.
    this.schema.createTable('sent_mails', (table) => {
      table.bigIncrements('id')
      table.string('kind', 40).notNullable()
      table.string('entity', 120).notNullable()
      table.string('recipient', 254).notNullable()
      table.string('subject', 250).nullable()
      table.string('message_id', 250).nullable()
      table.timestamp('claimed_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('sent_at', { useTz: true }).nullable()
      table.unique(['kind', 'entity', 'recipient'])
    })

    // Single-use reset tokens; only a SHA-256 of the token is stored.
    this.schema.createTable('password_reset_tokens', (table) => {
      table.bigIncrements('id')
      table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable('password_reset_tokens')
    this.schema.dropTable('sent_mails')
    this.schema.dropTable('outbox_events')
  }
}
