import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('seller_profiles', (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .notNullable()
        .unique()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('business_name', 160).notNullable()
      table.string('gstin', 15).nullable().unique()
      table.string('address_line1', 200).nullable()
      table.string('address_line2', 200).nullable()
      table.string('city', 80).nullable()
      table.string('state', 80).nullable()
      table.string('pincode', 6).nullable()
      table.string('status', 16).notNullable().defaultTo('pending')
      table.timestamp('reviewed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(
      `ALTER TABLE seller_profiles ADD CONSTRAINT seller_profiles_status_check CHECK (status IN ('pending', 'approved', 'rejected'))`
    )
    this.schema.raw(
      'CREATE INDEX seller_profiles_status_idx ON seller_profiles (status, created_at DESC)'
    )
  }

  async down() {
    this.schema.dropTable('seller_profiles')
  }
}
