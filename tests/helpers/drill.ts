import db from '@adonisjs/lucid/services/db'
import outbox from '#services/queue/outbox'
import { createGstSeller, createPaidOrder } from '#tests/helpers/jobs'
import { createCustomer, PASSWORD } from '#tests/helpers/users'
import type User from '#models/user'
import type { ParsedMail } from 'mailparser'

/**
 * What the fault drills (tests/resilience) do to and ask of the app they
 * run as child processes: log in over HTTP, pay orders the way checkout
 * leaves them (outbox event recorded, no flush: the child worker's sweep
 * dispatches), and count what came out.
 */

export interface LoginAttempt {
  status: number | 'timeout' | 'refused'
  ms: number
}

export async function attemptLogin(url: string, email: string, password = PASSWORD) {
  const started = Date.now()
  try {
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept': 'application/json' },
      body: JSON.stringify({ email, password }),
      signal: AbortSignal.timeout(8000),
    })
    await response.arrayBuffer()
    return { status: response.status, ms: Date.now() - started } as LoginAttempt
  } catch (error) {
    const status = (error as Error).name === 'TimeoutError' ? 'timeout' : 'refused'
    return { status, ms: Date.now() - started } as LoginAttempt
  }
}

export async function readiness(url: string) {
  const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5000) })
  return (await response.json()) as {
    status: string
    checks: Record<string, string>
    details: Record<string, unknown>
  }
}

/** Two sellers in different states, so every order has two invoices. */
export async function twoSellers() {
  return [
    await createGstSeller('Gujarat', '24', 'Surat Sarees'),
    await createGstSeller('Karnataka', '29', 'Mysuru Silks'),
  ]
}

/** `count` paid orders from `sellers`, each event recorded as payment records it. */
export async function payOrders(count: number, sellers: User[], customer?: User) {
  const buyer = customer ?? (await createCustomer())
  const orders = []
  for (let i = 0; i < count; i++) {
    const order = await createPaidOrder({
      customer: buyer,
      shippingState: 'Karnataka',
      lines: sellers.map((seller, n) => ({
        seller,
        title: `Item ${i}-${n}`,
        unitPricePaise: 29_900 + n * 10_000,
        quantity: 1,
        gstRate: 5,
      })),
    })
    await db.transaction((trx) => outbox.record(trx, 'order.paid', { orderId: order.id }))
    orders.push(order)
  }
  return orders
}

/** Subjects by how often they arrived. */
export function subjectCounts(mails: ParsedMail[]) {
  const counts = new Map<string, number>()
  for (const mail of mails)
    counts.set(mail.subject ?? '', (counts.get(mail.subject ?? '') ?? 0) + 1)
  return counts
}

/** Per seller, its invoice sequence numbers in order: each must run 1, 2, 3… with no gap or repeat. */
export async function invoiceSequencesBySeller() {
  const rows = await db.from('invoices').orderBy('sequence').select('seller_id', 'sequence')
  const bySeller = new Map<number, number[]>()
  for (const row of rows) {
    bySeller.set(row.seller_id, [...(bySeller.get(row.seller_id) ?? []), Number(row.sequence)])
  }
  return bySeller
}
