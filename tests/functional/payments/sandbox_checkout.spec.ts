import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { PaymentGateway } from '#services/payments/payment_gateway'
import { RazorpayGateway } from '#services/payments/razorpay_gateway'
import { resetState } from '#tests/helpers/database'
import { createCustomer, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, putInCart, stockOf } from '#tests/helpers/commerce'
import { eventually } from '#tests/helpers/razorpay'

/** The hidden fields of the form the sandbox hands to the callback, as a browser would submit them. */
function formFields(html: string) {
  const fields: Record<string, string> = {}
  for (const match of html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) {
    fields[match[1]] = match[2]
  }
  return fields
}

function pathOf(url: string) {
  return new URL(url).pathname
}

test.group('Sandbox checkout end to end (no browser, no network)', (group) => {
  group.each.setup(() => resetState())

  test('cart → order → checkout page → Pay → verify → paid, and the signed webhook follows', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const product = await createProduct({
      pricePaise: 64_900,
      stock: 4,
      title: 'Kanjivaram Silk Saree',
    })
    ;(
      await client
        .post('/api/cart')
        .bearerToken(token)
        .json({ product_id: product.id, quantity: 1 })
    ).assertStatus(201)
    const placed = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: ADDRESS })
    placed.assertStatus(201)
    const { data: order, payment } = placed.body()

    const page = await client.get(pathOf(payment.checkout_url))
    page.assertStatus(200)
    assert.include(page.text(), order.number)
    assert.include(page.text(), '₹649.00')
    assert.include(page.text(), '>Pay</button>')

    const paid = await client.post(`${pathOf(payment.checkout_url)}/sandbox/pay`)
    paid.assertStatus(200)
    const result = formFields(paid.text())
    assert.equal(result.razorpay_order_id, payment.razorpay_order_id)

    // The storefront hands the signed result to the real verify route.
    const verified = await client.post('/api/payments/verify').bearerToken(token).json(result)
    verified.assertStatus(200)
    assert.equal(verified.body().data.status, 'paid')
    assert.equal(await stockOf(product.id), 3)

    // The sandbox's signed payment.captured webhook arrives through the real webhook route; its
    // outcome is recorded just after the payment change commits.
    await eventually(async () => {
      const row = await db.from('orders').where('id', order.id).first()
      const hook = await db.from('webhook_events').where('event', 'payment.captured').first()
      return row.payment_status === 'captured' && hook?.outcome !== 'received'
    })
    const hook = await db.from('webhook_events').where('event', 'payment.captured').firstOrFail()
    assert.equal(hook.outcome, 'already_paid')
  })

  test('the checkout callback verifies the signed result without an API token', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    await putInCart(customer, await createProduct({ pricePaise: 20_000 }), 1)
    const { data: order, payment } = (
      await client
        .post('/api/orders')
        .bearerToken(await tokenFor(customer))
        .json({ shipping_address: ADDRESS })
    ).body()
    const result = formFields(
      (await client.post(`${pathOf(payment.checkout_url)}/sandbox/pay`)).text()
    )

    const tampered = await client
      .post('/checkout/callback')
      .form({ ...result, razorpay_signature: 'f'.repeat(64) })
    tampered.assertStatus(400)
    assert.equal((await db.from('orders').where('id', order.id).first()).status, 'pending_payment')

    const callback = await client.post('/checkout/callback').form(result)
    callback.assertStatus(200)
    assert.include(callback.text(), 'Payment received')
    assert.equal((await db.from('orders').where('id', order.id).first()).status, 'paid')
  })

  test('Fail leaves the order payable and the payment marked failed', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    await putInCart(customer, await createProduct(), 1)
    const { data: order, payment } = (
      await client.post('/api/orders').bearerToken(token).json({ shipping_address: ADDRESS })
    ).body()

    const failed = await client.post(`${pathOf(payment.checkout_url)}/sandbox/fail`)
    failed.assertStatus(200)
    assert.include(failed.text(), 'Try again')
    await eventually(
      async () =>
        (await db.from('orders').where('id', order.id).first()).payment_status === 'failed'
    )
    const shown = await client.get(`/api/orders/${order.id}`).bearerToken(token)
    assert.equal(shown.body().data.status, 'pending_payment')
  })

  test('an unknown checkout is a 404 and a paid one has nothing to pay', async ({
    client,
    assert,
  }) => {
    ;(await client.get('/checkout/order_DoesNotExist01')).assertStatus(404)
    const customer = await createCustomer()
    await putInCart(customer, await createProduct(), 1)
    const { payment } = (
      await client
        .post('/api/orders')
        .bearerToken(await tokenFor(customer))
        .json({ shipping_address: ADDRESS })
    ).body()
    await client
      .post('/checkout/callback')
      .form(formFields((await client.post(`${pathOf(payment.checkout_url)}/sandbox/pay`)).text()))
    const page = await client.get(pathOf(payment.checkout_url))
    assert.include(page.text(), 'nothing to pay')
  })

  test('with real keys the page opens Razorpay Checkout and offers no sandbox buttons', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    await putInCart(customer, await createProduct(), 1)
    const { payment } = (
      await client
        .post('/api/orders')
        .bearerToken(await tokenFor(customer))
        .json({ shipping_address: ADDRESS })
    ).body()

    app.container.swap(
      PaymentGateway,
      () => new RazorpayGateway('rzp_test_RealKey1234', env.get('RAZORPAY_KEY_SECRET')!, 'w')
    )
    try {
      const page = await client.get(pathOf(payment.checkout_url))
      page.assertStatus(200)
      assert.include(page.text(), 'https://checkout.razorpay.com/v1/checkout.js')
      assert.include(page.text(), '"rzp_test_RealKey1234"')
      assert.include(page.text(), `"${payment.razorpay_order_id}"`)
      assert.notInclude(page.text(), 'sandbox/pay')
      ;(await client.post(`${pathOf(payment.checkout_url)}/sandbox/pay`)).assertStatus(404)
    } finally {
      app.container.restore(PaymentGateway)
    }
  })
})
