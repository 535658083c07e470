import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { placedOrder, stockOf } from '#tests/helpers/commerce'
import {
  checkoutResult,
  checkoutSignature,
  eventually,
  paymentId,
  postWebhook,
  webhookBody,
  webhookSignature,
} from '#tests/helpers/razorpay'
import { runPaymentJobs } from '#tests/functional/payments/payment_jobs'

async function orderRow(id: number) {
  return db.from('orders').where('id', id).firstOrFail()
}

async function paymentEvents(orderId: number) {
  const rows = await db.from('payments').where('order_id', orderId).orderBy('id')
  return rows.map((row) => row.event)
}

test.group('Payments / verify', (group) => {
  group.each.setup(() => resetState())

  test('a valid signature marks the order paid exactly once', async ({ client, assert }) => {
    const { token, order, rzpOrderId } = await placedOrder(client)
    const pay = paymentId()
    const body = {
      razorpay_order_id: rzpOrderId,
      razorpay_payment_id: pay,
      razorpay_signature: checkoutSignature(rzpOrderId, pay),
    }

    const response = await client.post('/api/payments/verify').bearerToken(token).json(body)
    response.assertStatus(200)
    response.assertAgainstApiSpec()
    assert.equal(response.body().data.status, 'paid')
    assert.equal(response.body().data.payment.razorpay_payment_id, pay)
    assert.equal(response.body().data.payment.status, 'authorized')
    assert.isNotNull(response.body().data.paid_at)

    const replay = await client.post('/api/payments/verify').bearerToken(token).json(body)
    replay.assertStatus(200)
    assert.equal(replay.body().data.paid_at, response.body().data.paid_at)
    assert.deepEqual(await paymentEvents(order.id), ['order_created', 'authorized'])
    const transitions = await db
      .from('order_transitions')
      .where({ order_id: order.id, to_status: 'paid' })
    assert.lengthOf(transitions, 1)
  })

  test('forged signatures change nothing: {name}')
    .with([
      { name: 'random hex', forge: () => 'ab'.repeat(32) },
      {
        name: 'signed with the webhook secret',
        forge: (o: string, p: string) => webhookSignature(`${o}|${p}`),
      },
      {
        name: 'signed with a guessed secret',
        forge: (o: string, p: string) => checkoutSignature(o, p, 'secret'),
      },
      { name: 'empty', forge: () => '' },
    ])
    .run(async ({ client, assert }, row) => {
      const { token, order, rzpOrderId } = await placedOrder(client)
      const pay = paymentId()
      const response = await client
        .post('/api/payments/verify')
        .bearerToken(token)
        .json({
          razorpay_order_id: rzpOrderId,
          razorpay_payment_id: pay,
          razorpay_signature: row.forge(rzpOrderId, pay),
        })
      assert.oneOf(response.status(), [400, 422])
      const after = await orderRow(order.id)
      assert.equal(after.status, 'pending_payment')
      assert.equal(after.payment_status, 'created')
      assert.isNull(after.razorpay_payment_id)
      assert.deepEqual(await paymentEvents(order.id), ['order_created'])
    })

  test("a signature for one order cannot pay another, and another customer's order is a 404", async ({
    client,
    assert,
  }) => {
    const first = await placedOrder(client)
    const second = await placedOrder(client)
    const pay = paymentId()

    const crossed = await client
      .post('/api/payments/verify')
      .bearerToken(second.token)
      .json({
        razorpay_order_id: second.rzpOrderId,
        razorpay_payment_id: pay,
        razorpay_signature: checkoutSignature(first.rzpOrderId, pay),
      })
    crossed.assertStatus(400)
    crossed.assertAgainstApiSpec()
    crossed.assertBodyContains({ errors: [{ code: 'E_INVALID_SIGNATURE' }] })

    const foreign = await client
      .post('/api/payments/verify')
      .bearerToken(second.token)
      .json(checkoutResult(first.rzpOrderId, pay))
    foreign.assertStatus(404)
    assert.equal((await orderRow(first.order.id)).status, 'pending_payment')
    assert.equal((await orderRow(second.order.id)).status, 'pending_payment')
  })

  test('malformed verify bodies are 422s', async ({ client }) => {
    const { token } = await placedOrder(client)
    for (const body of [
      {},
      { razorpay_order_id: 'x', razorpay_payment_id: 'y', razorpay_signature: 'z' },
    ]) {
      const response = await client.post('/api/payments/verify').bearerToken(token).json(body)
      response.assertStatus(422)
      response.assertAgainstApiSpec()
    }
    ;(await client.post('/api/payments/verify').json({})).assertStatus(401)
  })

  test('a payment for an expired order is refunded, and the order stays expired', async ({
    client,
    assert,
  }) => {
    const { token, order, rzpOrderId, product } = await placedOrder(client)
    await db
      .from('orders')
      .where('id', order.id)
      .update({ expires_at: new Date(Date.now() - 1000) })
    const { default: ExpireUnpaidOrders } = await import('#actions/orders/expire_unpaid_orders')
    await new ExpireUnpaidOrders().handle()
    assert.equal(await stockOf(product.id), 10)

    const pay = paymentId()
    const response = await client
      .post('/api/payments/verify')
      .bearerToken(token)
      .json(checkoutResult(rzpOrderId, pay))
    response.assertStatus(409)
    response.assertBodyContains({ errors: [{ code: 'E_PAYMENT_REFUNDED' }] })
    const after = await orderRow(order.id)
    assert.equal(after.status, 'expired')
    // The refund runs from the queue, claimed before the gateway is called.
    assert.deepEqual(await runPaymentJobs(), ['RefundPaymentJob'])
    assert.deepEqual(await paymentEvents(order.id), [
      'order_created',
      'late_payment',
      'refund_claimed',
      'refund_requested',
      'refunded',
    ])
    assert.equal(await stockOf(product.id), 10)
  })
})

test.group('Payments / webhook', (group) => {
  group.each.setup(() => resetState())

  test('payment.captured marks the order paid; a replay is a no-op', async ({ client, assert }) => {
    const { order, rzpOrderId } = await placedOrder(client)
    const body = webhookBody('payment_captured', {
      orderId: rzpOrderId,
      paymentId: paymentId(),
      amount: 60_000,
    })

    const first = await postWebhook(client, body, { eventId: 'evt_once' })
    first.assertStatus(200)
    first.assertAgainstApiSpec()
    assert.deepEqual(first.body().data, { event: 'payment.captured', outcome: 'paid' })
    const paid = await orderRow(order.id)
    assert.equal(paid.status, 'paid')
    assert.equal(paid.payment_status, 'captured')

    const replay = await postWebhook(client, body, { eventId: 'evt_once' })
    replay.assertStatus(200)
    assert.equal(replay.body().data.outcome, 'duplicate')
    assert.deepEqual(await paymentEvents(order.id), ['order_created', 'captured'])
    assert.equal((await orderRow(order.id)).paid_at.getTime(), paid.paid_at.getTime())
  })

  test('order.paid works the same way', async ({ client, assert }) => {
    const { order, rzpOrderId } = await placedOrder(client)
    const response = await postWebhook(
      client,
      webhookBody('order_paid', { orderId: rzpOrderId, paymentId: paymentId(), amount: 60_000 })
    )
    assert.equal(response.body().data.outcome, 'paid')
    assert.equal((await orderRow(order.id)).status, 'paid')
  })

  test('a bad signature is a 400 and nothing changes', async ({ client, assert }) => {
    const { order, rzpOrderId } = await placedOrder(client)
    const body = webhookBody('payment_captured', {
      orderId: rzpOrderId,
      paymentId: paymentId(),
      amount: 60_000,
    })
    for (const signature of [
      webhookSignature(body, 'wrong-secret'),
      '',
      webhookSignature(`${body}\n`),
    ]) {
      const response = await postWebhook(client, body, { signature })
      response.assertStatus(400)
      response.assertAgainstApiSpec()
    }
    assert.equal((await orderRow(order.id)).status, 'pending_payment')
    assert.equal(Number((await db.from('webhook_events').count('* as n'))[0].n), 0)
  })

  test('a tampered amount or currency never marks the order paid', async ({ client, assert }) => {
    const { order, rzpOrderId } = await placedOrder(client)
    for (const values of [{ amount: 100 }, { amount: 60_000, currency: 'USD' }]) {
      const response = await postWebhook(
        client,
        webhookBody('payment_captured', { orderId: rzpOrderId, paymentId: paymentId(), ...values })
      )
      response.assertStatus(200)
      assert.equal(response.body().data.outcome, 'amount_mismatch')
    }
    const after = await orderRow(order.id)
    assert.equal(after.status, 'pending_payment')
    assert.deepEqual(await paymentEvents(order.id), [
      'order_created',
      'amount_mismatch',
      'amount_mismatch',
    ])
  })

  test('webhook before verify, and verify before webhook: paid once either way', async ({
    client,
    assert,
  }) => {
    // Webhook first.
    const a = await placedOrder(client)
    const payA = paymentId()
    await postWebhook(
      client,
      webhookBody('payment_captured', { orderId: a.rzpOrderId, paymentId: payA, amount: 60_000 })
    )
    const lateVerify = await client
      .post('/api/payments/verify')
      .bearerToken(a.token)
      .json(checkoutResult(a.rzpOrderId, payA))
    lateVerify.assertStatus(200)
    assert.equal(lateVerify.body().data.payment.status, 'captured')
    assert.deepEqual(await paymentEvents(a.order.id), ['order_created', 'captured'])

    // Verify first; the capture webhook then upgrades the payment status only.
    const b = await placedOrder(client)
    const payB = paymentId()
    await client
      .post('/api/payments/verify')
      .bearerToken(b.token)
      .json(checkoutResult(b.rzpOrderId, payB))
    const hook = await postWebhook(
      client,
      webhookBody('payment_captured', { orderId: b.rzpOrderId, paymentId: payB, amount: 60_000 })
    )
    assert.equal(hook.body().data.outcome, 'already_paid')
    const row = await orderRow(b.order.id)
    assert.equal(row.status, 'paid')
    assert.equal(row.payment_status, 'captured')
    assert.deepEqual(await paymentEvents(b.order.id), ['order_created', 'authorized', 'captured'])
  })

  test('a second, different payment for a paid order is refunded', async ({ client, assert }) => {
    const { order, rzpOrderId } = await placedOrder(client)
    const first = paymentId()
    await postWebhook(
      client,
      webhookBody('payment_captured', { orderId: rzpOrderId, paymentId: first, amount: 60_000 })
    )
    const second = await postWebhook(
      client,
      webhookBody('payment_captured', {
        orderId: rzpOrderId,
        paymentId: paymentId(),
        amount: 60_000,
      })
    )
    assert.equal(second.body().data.outcome, 'duplicate_payment')
    const row = await orderRow(order.id)
    assert.equal(row.status, 'paid')
    assert.equal(row.razorpay_payment_id, first)
    // The webhook request only records the debt; the refund job pays it back.
    assert.notInclude(await paymentEvents(order.id), 'refund_requested')
    await runPaymentJobs()
    assert.includeMembers(await paymentEvents(order.id), [
      'duplicate_payment',
      'refund_claimed',
      'refund_requested',
      'refunded',
    ])
  })

  test('payment.failed leaves the order payable and records the attempt', async ({
    client,
    assert,
  }) => {
    const { token, order, rzpOrderId } = await placedOrder(client)
    const response = await postWebhook(
      client,
      webhookBody('payment_failed', { orderId: rzpOrderId, paymentId: paymentId() })
    )
    assert.equal(response.body().data.outcome, 'failed')
    const row = await orderRow(order.id)
    assert.equal(row.status, 'pending_payment')
    assert.equal(row.payment_status, 'failed')

    const retry = await client.post(`/api/orders/${order.id}/pay`).bearerToken(token)
    retry.assertStatus(200)
    assert.equal(retry.body().payment.razorpay_order_id, rzpOrderId)
  })

  test('unknown events are acknowledged and ignored; malformed payloads are 400s', async ({
    client,
  }) => {
    const unknown = JSON.stringify({ event: 'subscription.charged', payload: {} })
    const ignored = await postWebhook(client, unknown)
    ignored.assertStatus(200)
    ignored.assertBodyContains({ data: { outcome: 'ignored' } })

    const broken = JSON.stringify({
      event: 'payment.captured',
      payload: { payment: { entity: { id: 7 } } },
    })
    ;(await postWebhook(client, broken)).assertStatus(400)
  })
})

test.group('Payments / cancel and refund', (group) => {
  group.each.setup(() => resetState())

  test('cancelling a paid order refunds it through the gateway and returns the stock', async ({
    client,
    assert,
  }) => {
    const { token, order, rzpOrderId, product } = await placedOrder(client, 3)
    const pay = paymentId()
    await client
      .post('/api/payments/verify')
      .bearerToken(token)
      .json(checkoutResult(rzpOrderId, pay))
    assert.equal(await stockOf(product.id), 7)

    const cancel = await client.post(`/api/orders/${order.id}/cancel`).bearerToken(token)
    cancel.assertStatus(200)
    assert.equal(cancel.body().data.status, 'refunded')
    assert.equal(cancel.body().data.payment.status, 'refunded')
    assert.isNotNull(cancel.body().data.refunded_at)
    assert.equal(await stockOf(product.id), 10)

    // The sandbox also delivers refund.processed; applying it again changes nothing.
    await eventually(
      async () => (await db.from('webhook_events').where('event', 'refund.processed')).length === 1
    )
    assert.deepEqual(await paymentEvents(order.id), [
      'order_created',
      'authorized',
      'refund_claimed',
      'refund_requested',
      'refunded',
    ])
  })

  test('refund.processed moves a cancelled order whose refund was pending to refunded', async ({
    client,
    assert,
  }) => {
    const { order, rzpOrderId } = await placedOrder(client)
    const pay = paymentId()
    await postWebhook(
      client,
      webhookBody('payment_captured', { orderId: rzpOrderId, paymentId: pay, amount: 60_000 })
    )
    // As if the refund request had been accepted but not yet settled.
    await db
      .from('orders')
      .where('id', order.id)
      .update({ status: 'cancelled', cancelled_at: new Date() })

    const response = await postWebhook(
      client,
      webhookBody('refund_processed', {
        paymentId: pay,
        refundId: 'rfnd_Test12345678AB',
        amount: 60_000,
      })
    )
    assert.equal(response.body().data.outcome, 'refunded')
    const row = await orderRow(order.id)
    assert.equal(row.status, 'refunded')
    assert.equal(row.payment_status, 'refunded')
  })
})

test.group('Payments / verify and webhook at the same moment', (group) => {
  group.each.setup(() => resetState())

  test('racing verify calls and webhooks mark the order paid exactly once', async ({
    client,
    assert,
  }) => {
    for (let round = 0; round < 3; round++) {
      const { token, order, rzpOrderId } = await placedOrder(client)
      const pay = paymentId()
      const body = webhookBody('payment_captured', {
        orderId: rzpOrderId,
        paymentId: pay,
        amount: 60_000,
      })
      const responses = await Promise.all([
        ...Array.from({ length: 4 }, () =>
          client
            .post('/api/payments/verify')
            .bearerToken(token)
            .json(checkoutResult(rzpOrderId, pay))
        ),
        ...Array.from({ length: 4 }, (_, i) =>
          postWebhook(client, body, { eventId: `evt_race_${round}_${i % 2}` })
        ),
      ])
      assert.isTrue(responses.every((response) => response.status() === 200))

      const transitions = await db
        .from('order_transitions')
        .where({ order_id: order.id, to_status: 'paid' })
      assert.lengthOf(transitions, 1)
      const events = await paymentEvents(order.id)
      // Whichever came first: authorized then captured, or captured alone; never twice.
      assert.equal(events.filter((e) => e === 'captured').length, 1)
      assert.isAtMost(events.filter((e) => e === 'authorized').length, 1)
      const outbox = await db.from('outbox_events').where('type', 'order.paid')
      assert.lengthOf(
        outbox.filter((row) => row.payload.orderId === order.id),
        1
      )
    }
  }).timeout(60_000)
})
