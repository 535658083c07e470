import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('product_images', (table) => {
      table.increments('id')
      table
        .integer('product_id')
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      // Drive key (e.g. products/12/abc.webp); the URL comes from the disk.
      table.string('path', 500).notNullable()
      table.smallint('position').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['product_id', 'position'])
    })
  }

  async down() {
    this.schema.dropTable('product_images')
  }
}
