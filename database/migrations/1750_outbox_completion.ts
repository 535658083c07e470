import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An outbox event stays owed until every job it started has completed, not
 * merely been queued: a Redis that restarts empty loses queued jobs, and the
 * sweeper re-enqueues the routes that have not reported completion.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('outbox_events', (table) => {
      // Route keys (start/outbox.ts) whose job has completed.
      table.jsonb('completed_routes').notNullable().defaultTo('[]')
      table.timestamp('completed_at', { useTz: true }).nullable()
    })
    // Events dispatched before this release were delivered under the old rule.
    this.schema.raw(
      'UPDATE outbox_events SET completed_at = dispatched_at WHERE dispatched_at IS NOT NULL'
    )
    this.schema.raw(
      'CREATE INDEX outbox_events_unfinished_idx ON outbox_events (dispatched_at) WHERE completed_at IS NULL'
    )
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS outbox_events_unfinished_idx')
    this.schema.alterTable('outbox_events', (table) => {
      table.dropColumn('completed_routes')
      table.dropColumn('completed_at')
    })
  }
}
