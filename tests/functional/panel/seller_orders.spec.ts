import { test } from '@japa/runner'
import { appUrl } from '#config/app'
import db from '@adonisjs/lucid/services/db'
import { generateInvoices } from '#services/invoices/invoice_files'
import { resetState } from '#tests/helpers/database'
import { createSeller } from '#tests/helpers/users'
import { paidTwoSellerOrder } from '#tests/helpers/panel'

test.group('Panel: seller orders', (group) => {
  group.each.setup(() => resetState())

  test('a seller sees only its own items of an order, with the customer and address', async ({
    client,
    assert,
  }) => {
    const { sellerA, order, customer } = await paidTwoSellerOrder()
    const page = await client.get('/panel/seller/orders').withGuard('web').loginAs(sellerA)
    page.assertStatus(200)
    assert.include(page.text(), order.number)
    assert.include(page.text(), 'Block Print Kurti')
    assert.notInclude(page.text(), 'Oxidised Jhumkas')
    assert.include(page.text(), customer.fullName)
    assert.include(page.text(), '560038')

    const other = await createSeller('approved')
    const none = await client.get('/panel/seller/orders').withGuard('web').loginAs(other)
    assert.notInclude(none.text(), order.number)
  })

  test('filtering by status and paging', async ({ client, assert }) => {
    const { sellerA, order } = await paidTwoSellerOrder()
    const paid = await client
      .get('/panel/seller/orders')
      .qs({ status: 'paid' })
      .withGuard('web')
      .loginAs(sellerA)
    assert.include(paid.text(), order.number)
    const shipped = await client
      .get('/panel/seller/orders')
      .qs({ status: 'shipped' })
      .withGuard('web')
      .loginAs(sellerA)
    assert.notInclude(shipped.text(), order.number)
    // A malformed filter from an edited URL is ignored rather than an error page.
    const odd = await client
      .get('/panel/seller/orders')
      .qs({ status: 'lost', page: 'x' })
      .withGuard('web')
      .loginAs(sellerA)
    odd.assertStatus(200)
    assert.include(odd.text(), order.number)
  })

  test('a seller ships and delivers its own item with the buttons', async ({ client, assert }) => {
    const { sellerA, order, itemA } = await paidTwoSellerOrder()
    const page = await client.get('/panel/seller/orders').withGuard('web').loginAs(sellerA)
    assert.include(page.text(), `/panel/seller/orders/${order.id}/items/${itemA.id}/ship`)

    const shipped = await client
      .post(`/panel/seller/orders/${order.id}/items/${itemA.id}/ship`)
      .withGuard('web')
      .loginAs(sellerA)
      .withCsrfToken()
      .redirects(0)
    shipped.assertStatus(302)
    shipped.assertHeader('location', '/panel/seller/orders')
    shipped.assertFlashMessage(
      'success',
      `Block Print Kurti (order ${order.number}) marked shipped.`
    )
    const row = await db.from('order_items').where('id', itemA.id).firstOrFail()
    assert.equal(row.fulfillment_status, 'shipped')

    const again = await client
      .post(`/panel/seller/orders/${order.id}/items/${itemA.id}/ship`)
      .withGuard('web')
      .loginAs(sellerA)
      .withCsrfToken()
      .header('referer', `${appUrl}/panel/seller/orders?status=paid`)
      .redirects(0)
    again.assertStatus(302)
    again.assertHeader('location', '/panel/seller/orders?status=paid')
    again.assertFlashMessage('error', 'This item is shipped and cannot be marked shipped')

    const delivered = await client
      .post(`/panel/seller/orders/${order.id}/items/${itemA.id}/deliver`)
      .withGuard('web')
      .loginAs(sellerA)
      .withCsrfToken()
      .redirects(0)
    delivered.assertStatus(302)
    const after = await db.from('order_items').where('id', itemA.id).firstOrFail()
    assert.equal(after.fulfillment_status, 'delivered')
  })

  test("another seller's item is not found and stays unshipped", async ({ client, assert }) => {
    const { sellerA, order, itemB } = await paidTwoSellerOrder()
    const response = await client
      .post(`/panel/seller/orders/${order.id}/items/${itemB.id}/ship`)
      .withGuard('web')
      .loginAs(sellerA)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(404)
    const row = await db.from('order_items').where('id', itemB.id).firstOrFail()
    assert.equal(row.fulfillment_status, 'pending')
  })

  test('shipping without the CSRF token changes nothing', async ({ client, assert }) => {
    const { sellerA, order, itemA } = await paidTwoSellerOrder()
    const response = await client
      .post(`/panel/seller/orders/${order.id}/items/${itemA.id}/ship`)
      .withGuard('web')
      .loginAs(sellerA)
      .redirects(0)
    assert.notEqual(response.status(), 200)
    const row = await db.from('order_items').where('id', itemA.id).firstOrFail()
    assert.equal(row.fulfillment_status, 'pending')
  })

  test('the invoice link serves the seller its own invoice only', async ({ client, assert }) => {
    const { sellerA, order } = await paidTwoSellerOrder()
    const notYet = await client
      .get(`/panel/seller/orders/${order.id}/invoice`)
      .withGuard('web')
      .loginAs(sellerA)
    notYet.assertStatus(409)

    // What the invoice job does once the order is paid: number, render (Chromium), store privately.
    await generateInvoices(order.id)
    const own = await db
      .from('invoices')
      .where({ order_id: order.id, seller_id: sellerA.id })
      .firstOrFail()
    const list = await client.get('/panel/seller/orders').withGuard('web').loginAs(sellerA)
    assert.include(list.text(), `/panel/seller/orders/${order.id}/invoice`)

    const pdf = await client
      .get(`/panel/seller/orders/${order.id}/invoice`)
      .withGuard('web')
      .loginAs(sellerA)
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')
    assert.include(pdf.header('content-disposition')!, own.number.replace(/\//g, '-'))

    const stranger = await createSeller('approved')
    const refused = await client
      .get(`/panel/seller/orders/${order.id}/invoice`)
      .withGuard('web')
      .loginAs(stranger)
    refused.assertStatus(404)
  })
})
