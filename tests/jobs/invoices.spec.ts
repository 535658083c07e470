import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import InvoicesGenerate from '#commands/invoices_generate'
import { assignInvoiceNumbers } from '#services/invoices/numbering'
import { generateInvoices } from '#services/invoices/invoice_files'
import {
  findInvoicedOrder,
  invoiceSummary,
  ordersMissingInvoices,
} from '#services/invoices/invoice_state'
import GenerateInvoicesJob from '#jobs/generate_invoices_job'
import { fakeGstin } from '#database/factories/user_factory'
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

/** The text of a seller's invoice PDF, as a customer or tax officer reads it. */
async function invoiceText(orderId: number) {
  const row = await db.from('invoices').where('order_id', orderId).firstOrFail()
  const pdf = Buffer.from(await drive.use('private').getBytes(row.pdf_path))
  return (await pdfToText(pdf)).replace(/[ \t]+/g, ' ')
}

test.group('Jobs / issued invoices are snapshots that carry the rule 46 details', (group) => {
  group.each.setup(() => resetState())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })
  group.teardown(() => closeBackgroundResources())

  test('editing the seller profile after issue changes nothing in a regenerated invoice', async ({
    assert,
  }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Karnataka', '29', 'Old Name Textiles')
    const order = await createPaidOrder({
      customer,
      shippingState: 'Karnataka',
      lines: [{ seller, title: 'Saree', unitPricePaise: 112_000, quantity: 1, gstRate: 12 }],
    })
    await generateInvoices(order.id)
    const issued = await invoiceText(order.id)
    const combinedBefore = await pdfToText(
      Buffer.from(await drive.use('private').getBytes(`invoices/${order.id}/invoices.pdf`))
    )
    assert.include(issued, 'Old Name Textiles')
    assert.include(issued, 'CGST')

    // The seller renames itself, moves to Kerala and gets a Kerala GSTIN.
    await db
      .from('seller_profiles')
      .where('user_id', seller.id)
      .update({
        business_name: 'New Name Exports',
        address_line1: '1 Marine Drive',
        city: 'Kochi',
        state: 'Kerala',
        pincode: '682001',
        gstin: fakeGstin('32'),
      })
    const regenerate = await ace.create(InvoicesGenerate, [`--order=${order.id}`])
    await regenerate.exec()
    regenerate.assertSucceeded()

    const reissued = await invoiceText(order.id)
    assert.equal(reissued, issued)
    assert.notInclude(reissued, 'New Name Exports')
    assert.notInclude(reissued, 'IGST')
    const combinedAfter = await pdfToText(
      Buffer.from(await drive.use('private').getBytes(`invoices/${order.id}/invoices.pdf`))
    )
    assert.equal(combinedAfter, combinedBefore)
  })

  test('an invoice prints HSN, unit, buyer GSTIN, place of supply and the signature line', async ({
    assert,
  }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Karnataka', '29', 'Mysore Silks')
    const order = await createPaidOrder({
      customer,
      shippingState: 'Tamil Nadu',
      shippingPaise: 4_900,
      lines: [{ seller, title: 'Silk stole', unitPricePaise: 45_000, quantity: 2, gstRate: 5 }],
    })
    const buyerGstin = fakeGstin('33')
    await db.from('orders').where('id', order.id).update({ buyer_gstin: buyerGstin })
    await db.from('order_items').where('order_id', order.id).update({ hsn_code: '50072010' })

    await generateInvoices(order.id)
    const text = await invoiceText(order.id)
    assert.include(text, 'TAX INVOICE')
    assert.include(text, 'HSN/SAC')
    assert.match(text, /Silk stole 50072010 2 NOS/)
    // Shipping is a courier service: SAC 9968.
    assert.match(text, /Shipping charges 9968 1/)
    assert.include(text, `Buyer GSTIN: ${buyerGstin}`)
    assert.include(text, 'Place of supply: Tamil Nadu (33)')
    assert.include(text, 'For Mysore Silks')
    assert.include(text, 'Authorised signatory')
    assert.include(text, 'computer-generated')

    const row = await db.from('invoices').where('order_id', order.id).firstOrFail()
    assert.equal(row.buyer.gstin, buyerGstin)
    assert.deepEqual(
      row.lines.map((line: { hsnCode: string; unit: string | null }) => [line.hsnCode, line.unit]),
      [
        ['50072010', 'NOS'],
        ['9968', null],
      ]
    )
    assert.isAtMost(row.number.length, 16)
  })

  test('a seller without GSTIN issues a bill of sale with no tax lines', async ({ assert }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Karnataka', '29', 'Corner Crafts')
    await db.from('seller_profiles').where('user_id', seller.id).update({ gstin: null })
    const order = await createPaidOrder({
      customer,
      shippingState: 'Karnataka',
      lines: [{ seller, title: 'Clay lamp', unitPricePaise: 25_000, quantity: 2, gstRate: 12 }],
    })

    await generateInvoices(order.id)
    const text = await invoiceText(order.id)
    assert.include(text, 'BILL OF SALE')
    assert.notInclude(text, 'TAX INVOICE')
    assert.include(text, 'Supplier not registered under GST; no tax charged')
    assert.include(text, 'Not registered under GST')
    for (const head of ['CGST', 'SGST', 'IGST', 'Taxable value', 'GST rate']) {
      assert.notInclude(text, head)
    }
    assert.include(text, '₹500.00')
    const row = await db.from('invoices').where('order_id', order.id).firstOrFail()
    assert.equal(row.document_type, 'bill_of_sale')
    assert.deepEqual(
      [row.taxable_paise, row.cgst_paise, row.sgst_paise, row.igst_paise, row.total_paise],
      [50_000, 0, 0, 0, 50_000]
    )
    assert.isAtMost(row.number.length, 16)
  })

  test('an order cancelled before it was invoiced gets no invoice', async ({ assert, client }) => {
    const customer = await createCustomer()
    const seller = await createGstSeller('Karnataka', '29', 'Late Looms')
    const order = await createPaidOrder({
      customer,
      status: 'cancelled',
      lines: [{ seller, title: 'Dhurrie', unitPricePaise: 90_000, quantity: 1, gstRate: 12 }],
    })
    await db.from('orders').where('id', order.id).update({ cancelled_at: new Date() })

    // The invoice job that was queued when it was paid runs after the cancellation.
    await new GenerateInvoicesJob().handle({ orderId: order.id })
    assert.lengthOf(await db.from('invoices').where('order_id', order.id), 0)
    assert.notInclude(await ordersMissingInvoices(), order.id)
    assert.deepEqual(invoiceSummary((await findInvoicedOrder(order.id))!), {
      status: 'none',
      url: null,
    })

    const response = await client
      .get(`/api/orders/${order.id}/invoice`)
      .bearerToken(await tokenFor(customer))
    response.assertStatus(409)
    response.assertAgainstApiSpec()
    response.assertBodyContains({ errors: [{ code: 'E_NO_INVOICE' }] })
  })
})
