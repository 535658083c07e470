import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import InvoicesGenerate from '#commands/invoices_generate'
import { assignInvoiceNumbers } from '#services/invoices/numbering'
import { generateInvoices } from '#services/invoices/invoice_files'
import { findInvoicedOrder, invoiceSummary } from '#services/invoices/invoice_state'
import { resetState } from '#tests/helpers/database'
import { createCustomer, tokenFor } from '#tests/helpers/users'
import {
  closeBackgroundResources,
  createGstSeller,
  createPaidOrder,
  pdfToText,
} from '#tests/helpers/jobs'
import drive from '@adonisjs/drive/services/main'

test.group('Jobs / invoice numbering and regeneration', (group) => {
  group.each.setup(() => resetState())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })
  group.teardown(() => closeBackgroundResources())

  test('concurrent payments get consecutive numbers per seller: no gaps, no duplicates', async ({
    assert,
  }) => {
    const customer = await createCustomer()
    const busy = await createGstSeller('Karnataka', '29', 'Busy Bazaar')
    const other = await createGstSeller('Kerala', '32', 'Kochi Crafts')
    const orders = []
    for (let i = 0; i < 12; i++) {
      const lines = [
        { seller: busy, title: `Item ${i}`, unitPricePaise: 10_000 + i, quantity: 1, gstRate: 12 },
      ]
      // Every third order also has the other seller: numbers interleave across sellers.
      if (i % 3 === 0)
        lines.push({
          seller: other,
          title: `Craft ${i}`,
          unitPricePaise: 5_000,
          quantity: 1,
          gstRate: 5,
        })
      orders.push(await createPaidOrder({ customer, lines }))
    }
    // An order paid in the previous financial year starts its own sequence.
    const lastYear = await createPaidOrder({
      customer,
      paidAt: new Date('2026-03-31T12:00:00Z'),
      lines: [
        { seller: busy, title: 'March sale', unitPricePaise: 9_900, quantity: 1, gstRate: 18 },
      ],
    })

    // All at once, twice each (a retried job racing the first run).
    await Promise.all(
      [...orders, lastYear, ...orders].map((order) => assignInvoiceNumbers(order.id))
    )

    const rows = await db.from('invoices').orderBy(['seller_id', 'sequence'])
    const busyNumbers = rows.filter(
      (r) => r.seller_id === busy.id && r.financial_year === '2026-27'
    )
    assert.deepEqual(
      busyNumbers.map((r) => r.sequence),
      Array.from({ length: 12 }, (_, i) => i + 1)
    )
    assert.equal(new Set(busyNumbers.map((r) => r.order_id)).size, 12)
    assert.deepEqual(
      rows.filter((r) => r.seller_id === other.id).map((r) => r.number),
      ['INV/26-27/000001', 'INV/26-27/000002', 'INV/26-27/000003', 'INV/26-27/000004']
    )
    assert.deepEqual(
      rows.filter((r) => r.financial_year === '2025-26').map((r) => r.number),
      ['INV/25-26/000001']
    )
    for (const row of rows) assert.isAtMost(row.number.length, 16, row.number)
    const [counter] = await db
      .from('invoice_counters')
      .where({ seller_id: busy.id, financial_year: '2026-27' })
    assert.equal(counter.last_sequence, 12)
  })

  test('regenerating keeps the number; --missing fills in what is not rendered yet', async ({
    assert,
  }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Punjab', '03', 'Ludhiana Woollens')
    const first = await createPaidOrder({
      customer,
      shippingState: 'Punjab',
      lines: [{ seller, title: 'Shawl', unitPricePaise: 150_000, quantity: 1, gstRate: 12 }],
    })
    const second = await createPaidOrder({
      customer,
      shippingState: 'Haryana',
      status: 'delivered',
      lines: [{ seller, title: 'Muffler', unitPricePaise: 40_000, quantity: 2, gstRate: 12 }],
    })
    // Two workers rendering at once: the customer's confirmation is announced once.
    const runs = await Promise.all([generateInvoices(first.id), generateInvoices(first.id)])
    assert.sameMembers(
      runs.map((run) => run.becameReady),
      [true, false]
    )
    const before = await db.from('invoices').where('order_id', first.id).firstOrFail()

    const regenerate = await ace.create(InvoicesGenerate, [`--order=${first.id}`])
    await regenerate.exec()
    regenerate.assertSucceeded()
    const after = await db.from('invoices').where('order_id', first.id).firstOrFail()
    assert.equal(after.number, before.number)
    assert.equal(after.id, before.id)
    assert.isAbove(after.generated_at.getTime(), before.generated_at.getTime() - 1)
    const announced = await db
      .from('outbox_events')
      .where('type', 'order.invoiced')
      .whereRaw(`(payload->>'orderId')::int = ?`, [first.id])
    assert.lengthOf(announced, 1)

    assert.deepEqual(invoiceSummary((await findInvoicedOrder(second.id))!), {
      status: 'pending',
      url: null,
    })
    const missing = await ace.create(InvoicesGenerate, ['--missing'])
    await missing.exec()
    missing.assertSucceeded()
    const summary = invoiceSummary((await findInvoicedOrder(second.id))!)
    assert.equal(summary?.status, 'ready')
    assert.match(summary!.url!, new RegExp(`/api/orders/${second.id}/invoice$`))

    const inter = await db.from('invoices').where('order_id', second.id).firstOrFail()
    assert.equal(inter.number, 'INV/26-27/000002')
    assert.equal(inter.supply_type, 'inter')
    const text = await pdfToText(Buffer.from(await drive.use('private').getBytes(inter.pdf_path)))
    assert.include(text, 'INV/26-27/000002')
    assert.include(text, 'Haryana (06)')
    assert.include(text, 'IGST')
    // 80000 at 12 %: taxable 71429, IGST 8571.
    assert.include(text, '₹714.29')
    assert.include(text, '₹85.71')
    assert.include(text.replace(/\s+/g, ' '), 'Rupees Eight Hundred Only')
  })

  test('the invoice API: 409 before payment, 202 while generating', async ({ client }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Bihar', '10', 'Patna Pottery')
    const unpaid = await createPaidOrder({
      customer,
      status: 'pending_payment',
      lines: [{ seller, title: 'Pot', unitPricePaise: 30_000, quantity: 1, gstRate: 12 }],
    })
    const token = await tokenFor(customer)
    const conflict = await client.get(`/api/orders/${unpaid.id}/invoice`).bearerToken(token)
    conflict.assertStatus(409)
    conflict.assertAgainstApiSpec()
    conflict.assertBodyContains({ errors: [{ code: 'E_ORDER_NOT_PAID' }] })

    const paid = await createPaidOrder({
      customer,
      lines: [{ seller, title: 'Vase', unitPricePaise: 45_000, quantity: 1, gstRate: 12 }],
    })
    const pending = await client.get(`/api/orders/${paid.id}/invoice`).bearerToken(token)
    pending.assertStatus(202)
    pending.assertAgainstApiSpec()
    pending.assertHeader('retry-after', 5)

    // A refunded order that had been paid still has its invoice.
    await db.from('orders').where('id', paid.id).update({ status: 'refunded' })
    await generateInvoices(paid.id)
    const ready = await client.get(`/api/orders/${paid.id}/invoice`).bearerToken(token)
    ready.assertStatus(200)
    ready.assertHeader('content-type', 'application/pdf')

    const anonymous = await client.get(`/api/orders/${paid.id}/invoice`)
    anonymous.assertStatus(401)
    const missing = await client.get('/api/orders/999999/invoice').bearerToken(token)
    missing.assertStatus(404)
  })
})
