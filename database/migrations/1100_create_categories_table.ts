import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('categories', (table) => {
      table.increments('id')
      table
        .integer('parent_id')
        .nullable()
        .references('id')
        .inTable('categories')
        .onDelete('RESTRICT')
      table.string('name', 100).notNullable()
      table.string('slug', 120).notNullable().unique()
      table.text('description').nullable()
      table.string('image_path', 500).nullable()
      // Default GST rate (percent) for new products in this category.
      table.smallint('gst_rate').nullable()
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['parent_id'])
    })
    this.schema.raw(
      'ALTER TABLE categories ADD CONSTRAINT categories_gst_rate_check CHECK (gst_rate IN (0, 5, 12, 18, 28))'
    )
    this.schema.raw(
      'ALTER TABLE categories ADD CONSTRAINT categories_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)'
    )
  }

  async down() {
    this.schema.dropTable('categories')
  }
}
