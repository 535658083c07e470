import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { createCustomer, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, putInCart } from '#tests/helpers/commerce'

test.group('Sandbox checkout in a browser', (group) => {
  group.each.setup(() => resetState())
  group.each.setup(({ context }) => {
    context.browserContext.setDefaultTimeout(5000)
  })

  test('a person opens checkout_url, clicks Pay and sees the order paid', async ({
    client,
    visit,
    assert,
  }) => {
    const customer = await createCustomer()
    await putInCart(
      customer,
      await createProduct({ pricePaise: 45_900, title: 'Mirror Work Kurti' }),
      1
    )
    const placed = await client
      .post('/api/orders')
      .bearerToken(await tokenFor(customer))
      .json({ shipping_address: ADDRESS })
    const { data: order, payment } = placed.body()

    const page = await visit(new URL(payment.checkout_url).pathname)
    await page.assertTextContains('h1', order.number)
    // ₹459 plus ₹49 shipping below the free-shipping threshold.
    await page.assertTextContains('.amount', '₹508.00')
    // The sandbox page posts, then hands the signed result to the callback by itself.
    await page.getByRole('button', { name: 'Pay' }).click()
    await page.assertTextContains('h1', 'Payment received')

    const row = await db.from('orders').where('id', order.id).firstOrFail()
    assert.equal(row.status, 'paid')
    assert.match(row.razorpay_payment_id, /^pay_/)
  })

  test('Fail leaves the order payable and offers another try', async ({
    client,
    visit,
    assert,
  }) => {
    const customer = await createCustomer()
    await putInCart(customer, await createProduct(), 1)
    const { data: order, payment } = (
      await client
        .post('/api/orders')
        .bearerToken(await tokenFor(customer))
        .json({ shipping_address: ADDRESS })
    ).body()

    const page = await visit(new URL(payment.checkout_url).pathname)
    await page.getByRole('button', { name: 'Fail' }).click()
    await page.assertTextContains('h1', 'Payment not completed')
    await page.getByRole('link', { name: 'Try again' }).click()
    await page.assertExists('button:text("Pay")')
    const row = await db.from('orders').where('id', order.id).firstOrFail()
    assert.equal(row.status, 'pending_payment')
  })
})
