import { test } from '@japa/runner'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'
import { FULFILLMENT_STATUSES, ORDER_STATUSES } from '#enums/order_status'

/** Where status lists are declared: the groups themselves, and the transition table. */
const HOMES = ['app/enums/order_status.ts', 'app/services/orders/order_state_machine.ts']

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesUnder(path)
    return /\.(ts|edge)$/.test(path) ? [path] : []
  })
}

test.group('Order status groups', () => {
  test('lists of order or item statuses are written only next to the status enum', ({ assert }) => {
    const names = [...new Set([...ORDER_STATUSES, ...FULFILLMENT_STATUSES])].join('|')
    // Two or more quoted statuses in a row: an array literal or an SQL IN list.
    const literalList = new RegExp(`['"](?:${names})['"]\\s*,\\s*['"](?:${names})['"]`)
    const root = app.makePath()
    const offenders = [
      ...filesUnder(join(root, 'app')),
      ...filesUnder(join(root, 'resources/views')),
    ]
      .map((file) => relative(root, file))
      .filter((file) => !HOMES.includes(file))
      .filter((file) => literalList.test(readFileSync(join(root, file), 'utf8')))
    assert.deepEqual(offenders, [], 'use a named group from app/enums/order_status.ts')
  })
})
