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
import RefundPayment from '#actions/payments/refund_payment'
import ReconcileAuthorizedPayments from '#actions/payments/reconcile_authorized_payments'
import Order from '#models/order'
import { stockOf } from '#tests/helpers/commerce'
import { runPaymentJobs } from '#tests/functional/payments/payment_jobs'

const KEY_ID = 'rzp_test_FakeKey12345'
const KEY_SECRET = env.get('RAZORPAY_KEY_SECRET')!

/** A ₹500 order placed and verified (authorized) through the SDK-backed gateway. */
async function verifiedOrder(client: any) {
  const customer = await createCustomer()
  const token = await tokenFor(customer)
  const product = await createProduct({ pricePaise: 25_000, stock: 10 })
  await putInCart(customer, product, 2)
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
  return { token, placed, rzpOrderId, pay, product }
}

function refundCalls(fake: FakeRazorpay, pay: string) {
  return fake.requests.filter((r) => r.path === `/v1/payments/${pay}/refund`)
}

/** The payments log's `authorized` rows of these orders, moved `minutes` into the past. */
async function authorizedMinutesAgo(minutes: number, orderIds: number[]) {
  await db
    .from('payments')
    .whereIn('order_id', orderIds)
    .where('event', 'authorized')
    .update({ created_at: new Date(Date.now() - minutes * 60_000) })
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

  test('when Razorpay is down the order stands, /pay answers a generic 502 and retries', async ({
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
    placed.assertStatus(201)
    placed.assertAgainstApiSpec()
    assert.isNull(placed.body().payment)
    assert.equal(placed.body().data.status, 'pending_payment')
    assert.isNull(placed.body().data.payment.razorpay_order_id)

    const stillDown = await client
      .post(`/api/orders/${placed.body().data.id}/pay`)
      .bearerToken(token)
    stillDown.assertStatus(502)
    stillDown.assertAgainstApiSpec()
    stillDown.assertBodyContains({ errors: [{ code: 'E_GATEWAY_UNAVAILABLE' }] })
    // Razorpay's own words stay in the log; the client gets the request id that finds them.
    const [error] = stillDown.body().errors
    assert.notInclude(error.message, 'The server is busy')
    assert.notInclude(error.message, 'HTTP 500')
    assert.include(error.message, stillDown.header('x-request-id') as string)

    fake.failWith = null
    const retry = await client.post(`/api/orders/${placed.body().data.id}/pay`).bearerToken(token)
    retry.assertStatus(200)
    assert.match(retry.body().payment.razorpay_order_id, /^order_/)
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
      ['order_created', 'authorized', 'refund_claimed', 'refund_requested', 'refunded']
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
    assert.lengthOf(refundCalls(fake, pay), 2) // the one that failed, and the retry
    const order = await client.get(`/api/orders/${placed.data.id}`).bearerToken(token)
    assert.equal(order.body().data.status, 'refunded')
    assert.equal(order.body().data.payment.status, 'refunded')
  })

  test('a verified authorisation is captured, once, for the order amount', async ({
    client,
    assert,
  }) => {
    const { token, placed, pay } = await verifiedOrder(client)
    assert.deepEqual(await runPaymentJobs(), ['CapturePaymentJob'])

    const captures = fake.requests.filter((r) => r.path === `/v1/payments/${pay}/capture`)
    assert.lengthOf(captures, 1)
    assert.isTrue(captures[0].authorized)
    assert.deepEqual(captures[0].body, { amount: 50_000, currency: 'INR' })
    const order = await client.get(`/api/orders/${placed.data.id}`).bearerToken(token)
    order.assertAgainstApiSpec()
    assert.equal(order.body().data.payment.status, 'captured')

    // The job again (a BullMQ retry) finds nothing left to capture.
    const { default: CapturePayment } = await import('#actions/payments/capture_payment')
    assert.equal(
      await (await app.container.make(CapturePayment)).handle(placed.data.id, pay),
      'nothing_to_settle'
    )
    assert.lengthOf(
      fake.requests.filter((r) => r.path === `/v1/payments/${pay}/capture`),
      1
    )
  })

  test('the reconciliation settles authorisations stuck past the configured minutes', async ({
    client,
    assert,
  }) => {
    // The capture job never ran for any of these (a worker outage).
    const capturedElsewhere = await verifiedOrder(client)
    const stillAuthorized = await verifiedOrder(client)
    const lapsed = await verifiedOrder(client)
    const recent = await verifiedOrder(client)
    fake.addPayment({ id: capturedElsewhere.pay, order_id: 'o', amount: 50_000 })
    fake.addPayment({
      id: stillAuthorized.pay,
      order_id: 'o',
      amount: 50_000,
      status: 'authorized',
    })
    fake.addPayment({ id: lapsed.pay, order_id: 'o', amount: 50_000, status: 'refunded' })
    fake.addPayment({ id: recent.pay, order_id: 'o', amount: 50_000, status: 'authorized' })
    await authorizedMinutesAgo(
      60,
      [capturedElsewhere, stillAuthorized, lapsed].map((o) => o.placed.data.id)
    )
    assert.equal(await stockOf(lapsed.product.id), 8)

    const outcomes = await (await app.container.make(ReconcileAuthorizedPayments)).handle()
    assert.deepEqual(Object.fromEntries(outcomes), {
      [capturedElsewhere.placed.data.id]: 'captured',
      [stillAuthorized.placed.data.id]: 'captured',
      [lapsed.placed.data.id]: 'lapsed',
    })

    const status = async (o: { placed: any }) => {
      const order = await Order.findOrFail(o.placed.data.id)
      return `${order.status}/${order.paymentStatus}`
    }
    assert.equal(await status(capturedElsewhere), 'paid/captured')
    assert.equal(await status(stillAuthorized), 'paid/captured')
    assert.equal(await status(lapsed), 'cancelled/refunded')
    assert.equal(await status(recent), 'paid/authorized')
    assert.equal(await stockOf(lapsed.product.id), 10)
    const captureCalls = fake.requests.filter((r) => r.path.endsWith('/capture'))
    assert.deepEqual(
      captureCalls.map((r) => r.path),
      [`/v1/payments/${stillAuthorized.pay}/capture`]
    )
    // Settled orders are not asked about again.
    assert.equal((await (await app.container.make(ReconcileAuthorizedPayments)).handle()).size, 0)
  })

  test('a late payment is refunded by the job, never inside the webhook request', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    await putInCart(customer, await createProduct({ pricePaise: 25_000 }), 2)
    const placed = (
      await client.post('/api/orders').bearerToken(token).json({ shipping_address: ADDRESS })
    ).body()
    await db.from('orders').where('id', placed.data.id).update({ status: 'expired' })
    const pay = paymentId()

    const webhook = await postWebhook(
      client,
      webhookBody('payment_captured', {
        orderId: placed.payment.razorpay_order_id,
        paymentId: pay,
        amount: 50_000,
      })
    )
    webhook.assertStatus(200)
    assert.equal(webhook.body().data.outcome, 'late_payment')
    assert.lengthOf(refundCalls(fake, pay), 0)

    assert.deepEqual(await runPaymentJobs(), ['RefundPaymentJob'])
    assert.lengthOf(refundCalls(fake, pay), 1)
    assert.equal(refundCalls(fake, pay)[0].body.amount, 50_000)
  })

  test('a refund is claimed before Razorpay is called: concurrent retries send one', async ({
    client,
    assert,
  }) => {
    const { token, placed, rzpOrderId, pay } = await verifiedOrder(client)
    await postWebhook(
      client,
      webhookBody('payment_captured', { orderId: rzpOrderId, paymentId: pay, amount: 50_000 })
    )
    fake.failWith = 500
    ;(await client.post(`/api/orders/${placed.data.id}/cancel`).bearerToken(token)).assertStatus(
      200
    )
    fake.failWith = null
    fake.refundStatus = 'pending'

    const order = await Order.findOrFail(placed.data.id)
    const retry = await app.container.make(RetryRefunds)
    const refund = await app.container.make(RefundPayment)
    await Promise.all([
      retry.handle(),
      retry.handle(),
      refund.handle(order, pay, 'cancelled by customer'),
      refund.handle(order, pay, 'cancelled by customer'),
    ])
    // The one that failed while Razorpay was down, and exactly one more.
    assert.lengthOf(refundCalls(fake, pay), 2)
    assert.equal(await retry.handle(), 0)
  })

  test('refund.failed reopens the refund and the retry sweep requests it again', async ({
    client,
    assert,
  }) => {
    const { token, placed, rzpOrderId, pay } = await verifiedOrder(client)
    await postWebhook(
      client,
      webhookBody('payment_captured', { orderId: rzpOrderId, paymentId: pay, amount: 50_000 })
    )
    fake.refundStatus = 'pending'
    ;(await client.post(`/api/orders/${placed.data.id}/cancel`).bearerToken(token)).assertStatus(
      200
    )
    const retry = await app.container.make(RetryRefunds)
    assert.equal(await retry.handle(), 0, 'a pending refund is not requested again')
    const requested = await db
      .from('payments')
      .where({ order_id: placed.data.id, event: 'refund_requested' })
      .firstOrFail()

    const event = JSON.parse(
      webhookBody('refund_processed', {
        paymentId: pay,
        refundId: requested.razorpay_refund_id,
        amount: 50_000,
      })
    )
    event.event = 'refund.failed'
    event.payload.refund.entity.status = 'failed'
    const body = JSON.stringify(event)
    const failed = await postWebhook(client, body)
    failed.assertStatus(200)
    failed.assertAgainstApiSpec()
    assert.equal(failed.body().data.outcome, 'refund_failed')
    // Delivered twice (a new event id): still one reopening.
    assert.equal((await postWebhook(client, body)).body().data.outcome, 'already_failed')

    fake.refundStatus = 'processed'
    assert.equal(await retry.handle(), 1)
    assert.lengthOf(refundCalls(fake, pay), 2)
    const after = await client.get(`/api/orders/${placed.data.id}`).bearerToken(token)
    assert.equal(after.body().data.status, 'refunded')
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
