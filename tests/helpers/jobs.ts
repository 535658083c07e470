import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { startMailCatcher, type MailCatcher } from '../../bin/mail_catcher.js'
import { QueueWorkers } from '#services/queue/workers'
import pdfRenderer from '#services/invoices/pdf_renderer'
import outbox from '#services/queue/outbox'
import { CategoryFactory, ProductFactory } from '#database/factories/catalog_factory'
import { UserFactory, fakeGstin } from '#database/factories/user_factory'
import type User from '#models/user'
import type { Group } from '@japa/runner/core'
import { resetState } from '#tests/helpers/database'

/**
 * The real background machinery inside the test process: the SMTP catcher
 * on SMTP_HOST:SMTP_PORT and BullMQ workers on the test Redis database.
 */
export async function startBackground(options: { greylist?: string[] } = {}) {
  const catcher = await startMailCatcher({
    host: env.get('SMTP_HOST'),
    port: env.get('SMTP_PORT'),
    quiet: true,
    greylist: options.greylist,
  })
  const workers = new QueueWorkers().start({ concurrency: 2 })
  return {
    catcher,
    workers,
    async stop() {
      await workers.close()
      await catcher.close()
    },
  }
}

/** Stops what the jobs suites started (workers are per group, the browser is shared). */
export async function closeBackgroundResources() {
  outbox.dispatcher = null
  await pdfRenderer.close()
}

/**
 * Runs the worker and the mail catcher for a whole group, and starts each
 * test from empty tables, an empty test Redis and an empty inbox.
 */
export function useBackground(group: Group) {
  let started: Awaited<ReturnType<typeof startBackground>>
  group.setup(async () => {
    started = await startBackground()
    return async () => {
      await started.stop()
      await closeBackgroundResources()
    }
  })
  group.each.setup(async () => {
    await resetState()
    started.catcher.clear()
  })
  return {
    get catcher() {
      return started.catcher
    },
  }
}

export async function waitUntil<T>(
  check: () => Promise<T>,
  timeoutMs = 20_000,
  what = 'condition'
) {
  const started = Date.now()
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
}

export async function pdfToText(pdf: Buffer) {
  const dir = await mkdtemp(join(tmpdir(), 'invoice-'))
  try {
    await writeFile(join(dir, 'in.pdf'), pdf)
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', join(dir, 'in.pdf'), '-'])
    return stdout
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export async function createGstSeller(state: string, stateCode: string, businessName: string) {
  const user = await UserFactory.apply('seller')
    .with('sellerProfile', 1, (profile) =>
      profile.merge({ status: 'approved', businessName, state, gstin: fakeGstin(stateCode) })
    )
    .create()
  await user.load('sellerProfile')
  return user
}

export interface Line {
  seller: User
  title: string
  unitPricePaise: number
  quantity: number
  gstRate: number
}

let orderSequence = 0

/**
 * A paid order written straight to the database, as checkout and payment
 * will leave it: items snapshot title, price, GST rate and seller.
 */
export async function createPaidOrder(options: {
  customer: User
  lines: Line[]
  shippingPaise?: number
  shippingState?: string
  paidAt?: Date
  status?: string
}) {
  const category = await CategoryFactory.create()
  const subtotal = options.lines.reduce((sum, line) => sum + line.unitPricePaise * line.quantity, 0)
  const shipping = options.shippingPaise ?? 0
  const paidAt = options.paidAt ?? new Date('2026-05-10T06:30:00Z')
  const status = options.status ?? 'paid'
  const now = new Date()
  const [order] = await db
    .table('orders')
    .insert({
      number: `MO-2026-${String(++orderSequence).padStart(6, '0')}-${Math.random().toString(36).slice(2, 6)}`,
      customer_id: options.customer.id,
      status,
      payment_status: status === 'pending_payment' ? 'created' : 'captured',
      subtotal_paise: subtotal,
      shipping_paise: shipping,
      total_paise: subtotal + shipping,
      shipping_address: JSON.stringify({
        name: options.customer.fullName,
        phone: '9876543210',
        line1: '12 MG Road',
        city: 'Bengaluru',
        state: options.shippingState ?? 'Karnataka',
        pincode: '560001',
      }),
      placed_at: now,
      expires_at: new Date(now.getTime() + 30 * 60_000),
      paid_at: status === 'pending_payment' ? null : paidAt,
      created_at: now,
      updated_at: now,
    })
    .returning('*')
  const itemIds: number[] = []
  for (const line of options.lines) {
    const product = await ProductFactory.merge({
      sellerId: line.seller.id,
      categoryId: category.id,
      pricePaise: line.unitPricePaise,
      mrpPaise: null,
      gstRate: line.gstRate as any,
    }).create()
    const [item] = await db
      .table('order_items')
      .insert({
        order_id: order.id,
        product_id: product.id,
        seller_id: line.seller.id,
        title: line.title,
        unit_price_paise: line.unitPricePaise,
        quantity: line.quantity,
        gst_rate: line.gstRate,
        line_total_paise: line.unitPricePaise * line.quantity,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
    itemIds.push(item.id)
  }
  return { id: order.id as number, number: order.number as string, itemIds }
}

/** What the orders/payments code does when an order is paid: record in its transaction, flush after. */
export async function recordEvent<T extends Parameters<typeof outbox.record>[1]>(
  type: T,
  payload: Parameters<typeof outbox.record<T>>[2]
) {
  await db.transaction((trx) => outbox.record(trx, type, payload))
  return outbox.flush()
}

export type { MailCatcher }
