import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { PaymentGateway, GatewayUnavailableError } from '#services/payments/payment_gateway'
import { RazorpayGateway } from '#services/payments/razorpay_gateway'
import { resetState } from '#tests/helpers/database'
import { createCustomer, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, putInCart } from '#tests/helpers/commerce'
import { FakeRazorpay } from '#tests/helpers/fake_razorpay'
import { checkoutResult, paymentId, postWebhook, webhookBody } from '#tests/helpers/razorpay'
import RetryRefunds from '#actions/payments/retry_refunds'

const KEY_ID = 'rzp_test_FakeKey12345'
const KEY_SECRET = env.get('RAZORPAY_KEY_SECRET')!

/** A ₹500 order placed and verified (authorized) through the SDK-backed gateway. */
async function verifiedOrder(client: any) {
  const customer = await createCustomer()
  const token = await tokenFor(customer)
  await putInCart(customer, await createProduct({ pricePaise: 25_000 }), 2)
  const placed = (
    await client.post('/api/orders').bearerToken(token).json({ shipping_address: ADDRESS })
  ).body()
  const rzpOrderId: string = placed.payment.razorpay_order_id
  const pay = paymentId()
  ;(
    await client
      .post('/api/payments/verify')
      .bearerToken(token)
      .json(checkoutResult(rzpOrderId, pay))
  ).assertStatus(200)
  return { token, placed, rzpOrderId, pay }
}

test.group('Payments / Razorpay SDK against a local fake Razorpay', (group) => {
  let fake: FakeRazorpay

  group.each.setup(async () => {
    await resetState()
    fake = await new FakeRazorpay(KEY_ID, KEY_SECRET).start()
    app.container.swap(
      PaymentGateway,
      () =>
        new RazorpayGateway(KEY_ID, KEY_SECRET, env.get('RAZORPAY_WEBHOOK_SECRET')!, {
          apiUrl: fake.url,
          timeoutMs: 2000,
        })
    )
    return async () => {
      app.container.restore(PaymentGateway)
      await fake.stop()
    }
  })

  test('checkout creates the Razorpay order through the SDK: paise, receipt, notes, Basic auth', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    await putInCart(customer, await createProduct({ pricePaise: 59_900 }), 2)
    const response = await client
      .post('/api/orders')
      .bearerToken(await tokenFor(customer))
      .json({ shipping_address: ADDRESS })

    response.assertStatus(201)
    const { data: order, payment } = response.body()
    assert.lengthOf(fake.requests, 1)
    const [call] = fake.requests
    assert.isTrue(call.authorized)
    assert.equal(call.method, 'POST')
    assert.equal(call.path, '/v1/orders')
    assert.deepEqual(call.body, {
      amount: 119_800,
      currency: 'INR',
      receipt: order.number,
      notes: { order_id: String(order.id), order_number: order.number },
    })
    assert.equal(payment.key_id, KEY_ID)
    assert.match(payment.razorpay_order_id, /^order_/)
    assert.equal(order.payment.razorpay_order_id, payment.razorpay_order_id)
  })

  test('when Razorpay is down the order stands and /pay retries', async ({ client, assert }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    await putInCart(customer, await createProduct({ stock: 5 }), 1)
    fake.failWith = 500

    const placed = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: ADDRESS })
    placed.assertStatus(201)
    placed.assertAgainstApiSpec()
    assert.isNull(placed.body().payment)
    assert.equal(placed.body().data.status, 'pending_payment')
    assert.isNull(placed.body().data.payment.razorpay_order_id)

    const stillDown = await client
      .post(`/api/orders/${placed.body().data.id}/pay`)
      .bearerToken(token)
    stillDown.assertStatus(502)
    stillDown.assertBodyContains({ errors: [{ code: 'E_GATEWAY_UNAVAILABLE' }] })

    fake.failWith = null
    const retry = await client.post(`/api/orders/${placed.body().data.id}/pay`).bearerToken(token)
    retry.assertStatus(200)
    assert.match(retry.body().payment.razorpay_order_id, /^order_/)
  })

  test("Razorpay's error text stays in the log; the client gets a generic 502 with the request id", async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    await putInCart(customer, await createProduct({ stock: 5 }), 1)
    fake.failWith = 500
    const placed = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: ADDRESS })

    const down = await client.post(`/api/orders/${placed.body().data.id}/pay`).bearerToken(token)
    down.assertStatus(502)
    down.assertAgainstApiSpec()
    const [error] = down.body().errors
    assert.equal(error.code, 'E_GATEWAY_UNAVAILABLE')
    assert.notInclude(error.message, 'The server is busy')
    assert.notInclude(error.message, 'HTTP 500')
    const requestId = down.header('x-request-id')
    assert.isString(requestId)
    assert.include(error.message, requestId)
  })

  test('wrong credentials surface as a gateway error, not a crash', async ({ assert }) => {
    const gateway = new RazorpayGateway(KEY_ID, 'not-the-secret', 'w', { apiUrl: fake.url })
    await assert.rejects(
      () => gateway.createOrder({ amountPaise: 100, currency: 'INR', receipt: 'r', notes: {} }),
      GatewayUnavailableError
    )
    assert.isFalse(fake.requests[0].authorized)
  })

  test('an unreachable Razorpay is a gateway error too', async ({ assert }) => {
    const gateway = new RazorpayGateway(KEY_ID, KEY_SECRET, 'w', {
      apiUrl: 'http://127.0.0.1:9',
      timeoutMs: 500,
    })
    await assert.rejects(
      () => gateway.createOrder({ amountPaise: 100, currency: 'INR', receipt: 'r', notes: {} }),
      GatewayUnavailableError
    )
  })

  test('cancelling a paid order refunds through the SDK and settles it', async ({
    client,
    assert,
  }) => {
    const { token, placed, pay } = await verifiedOrder(client)

    const cancel = await client.post(`/api/orders/${placed.data.id}/cancel`).bearerToken(token)
    cancel.assertStatus(200)
    assert.equal(cancel.body().data.status, 'refunded')
    const refundCall = fake.requests.find((r) => r.path === `/v1/payments/${pay}/refund`)!
    assert.isTrue(refundCall.authorized)
    assert.equal(refundCall.body.amount, 50_000)
    const events = await db
      .from('payments')
      .where('order_id', placed.data.id)
      .orderBy('id')
      .select('event')
    assert.deepEqual(
      events.map((e) => e.event),
      ['order_created', 'authorized', 'refund_requested', 'refunded']
    )
  })

  test('a refund Razorpay could not take is requested later by RetryRefunds, once per payment', async ({
    client,
    assert,
  }) => {
    const { token, placed, rzpOrderId, pay } = await verifiedOrder(client)
    // The capture follows: the log now holds the payment twice (authorized, captured).
    ;(
      await postWebhook(
        client,
        webhookBody('payment_captured', { orderId: rzpOrderId, paymentId: pay, amount: 50_000 })
      )
    ).assertStatus(200)

    fake.failWith = 500
    const cancel = await client.post(`/api/orders/${placed.data.id}/cancel`).bearerToken(token)
    cancel.assertStatus(200)
    assert.equal(cancel.body().data.status, 'cancelled')

    fake.failWith = null
    const retry = await app.container.make(RetryRefunds)
    assert.equal(await retry.handle(), 1)
    assert.equal(await retry.handle(), 0)
    const refundCalls = fake.requests.filter((r) => r.path === `/v1/payments/${pay}/refund`)
    assert.lengthOf(refundCalls, 2) // the one that failed, and the retry
    const order = await client.get(`/api/orders/${placed.data.id}`).bearerToken(token)
    assert.equal(order.body().data.status, 'refunded')
    assert.equal(order.body().data.payment.status, 'refunded')
  })

  test('fetchPayment reads the payment through the SDK', async ({ assert }) => {
    fake.addPayment({ id: 'pay_Fetch1234567890', order_id: 'order_Abc', amount: 4200 })
    const gateway = await app.container.make(PaymentGateway)
    const payment = await gateway.fetchPayment('pay_Fetch1234567890')
    assert.deepEqual(payment, {
      id: 'pay_Fetch1234567890',
      orderId: 'order_Abc',
      amountPaise: 4200,
      currency: 'INR',
      status: 'captured',
    })
    await assert.rejects(() => gateway.fetchPayment('pay_missing'), GatewayUnavailableError)
  })
})
