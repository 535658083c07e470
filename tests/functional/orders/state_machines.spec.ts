import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import { ConflictError } from '#exceptions/domain_errors'
import { transitionOrder } from '#services/orders/order_state_machine'
import { transitionPayment } from '#services/payments/payment_state_machine'
import { ORDER_STATUSES, type PaymentStatus } from '#enums/order_status'
import { wasPaid, wherePaid } from '#services/orders/order_details'
import { resetState } from '#tests/helpers/database'
import { placedOrder } from '#tests/helpers/commerce'
import { paymentId, postWebhook, webhookBody } from '#tests/helpers/razorpay'

/** The gateway reports the order's ₹600 captured. */
async function captured(client: any, rzpOrderId: string) {
  const body = webhookBody('payment_captured', {
    orderId: rzpOrderId,
    paymentId: paymentId(),
    amount: 60_000,
  })
  ;(await postWebhook(client, body)).assertStatus(200)
}

/** Tries one payment move on the locked order; returns what it threw, if anything. */
async function tryPaymentMove(orderId: number, to: PaymentStatus) {
  return db.transaction(async (trx) => {
    const order = await Order.query({ client: trx }).where('id', orderId).forUpdate().firstOrFail()
    return transitionPayment(trx, order, to).then(
      () => null,
      (error) => error
    )
  })
}

async function paymentStatusOf(orderId: number) {
  return (await db.from('orders').where('id', orderId).firstOrFail()).payment_status
}

test.group('State machines / payment status', (group) => {
  group.each.setup(() => resetState())

  test('a declined attempt and a successful retry: created → failed → captured', async ({
    client,
    assert,
  }) => {
    const { token, order, rzpOrderId } = await placedOrder(client)
    assert.equal(order.payment.status, 'created')

    await postWebhook(
      client,
      webhookBody('payment_failed', { orderId: rzpOrderId, paymentId: paymentId() })
    )
    const afterFailure = await client.get(`/api/orders/${order.id}`).bearerToken(token)
    assert.equal(afterFailure.body().data.payment.status, 'failed')

    await captured(client, rzpOrderId)
    const paid = await client.get(`/api/orders/${order.id}`).bearerToken(token)
    paid.assertAgainstApiSpec()
    assert.equal(paid.body().data.status, 'paid')
    assert.equal(paid.body().data.payment.status, 'captured')
  })

  test('an illegal payment move is a 409 conflict and changes nothing', async ({
    client,
    assert,
  }) => {
    const { order, rzpOrderId } = await placedOrder(client)
    await captured(client, rzpOrderId)
    assert.equal(await paymentStatusOf(order.id), 'captured')

    const backwards = await tryPaymentMove(order.id, 'authorized')
    assert.instanceOf(backwards, ConflictError)
    assert.equal(backwards.status, 409)
    assert.equal(backwards.code, 'E_INVALID_PAYMENT_STATE')
    assert.equal(
      backwards.message,
      `The payment of order ${order.number} is captured and cannot become authorized`
    )
    assert.equal(await paymentStatusOf(order.id), 'captured')

    // Once refunded, the money cannot be captured or fail again.
    assert.isNull(await tryPaymentMove(order.id, 'refunded'))
    for (const to of ['captured', 'failed', 'authorized'] as const) {
      assert.instanceOf(await tryPaymentMove(order.id, to), ConflictError)
    }
    assert.equal(await paymentStatusOf(order.id), 'refunded')
  })
})

test.group('State machines / order status', (group) => {
  group.each.setup(() => resetState())

  test('a new order can only start as pending_payment', async ({ client, assert }) => {
    const { order } = await placedOrder(client)
    const history = await db.from('order_transitions').where('order_id', order.id).orderBy('id')
    assert.deepEqual(
      history.map((row) => [row.from_status, row.to_status, row.reason]),
      [[null, 'pending_payment', 'placed']]
    )

    const error = await db.transaction(async (trx) =>
      transitionOrder(trx, new Order().merge({ number: 'MO-TEST' }), 'paid').then(
        () => null,
        (thrown) => thrown
      )
    )
    assert.instanceOf(error, ConflictError)
    assert.equal(error.code, 'E_INVALID_ORDER_STATE')
    assert.equal(error.message, 'Order MO-TEST is new and cannot become paid')
  })
})

test.group('Status groups / money received', (group) => {
  group.each.setup(() => resetState())

  test('wasPaid and its SQL twin wherePaid agree for every status, with and without paid_at', async ({
    client,
    assert,
  }) => {
    const { order } = await placedOrder(client)
    for (const status of ORDER_STATUSES) {
      for (const paidAt of [null, new Date()]) {
        await db.from('orders').where('id', order.id).update({ status, paid_at: paidAt })
        const row = await Order.findOrFail(order.id)
        const inSql = (await Order.query().where(wherePaid).where('id', order.id).first()) !== null
        assert.equal(inSql, wasPaid(row), `${status}, paid_at ${paidAt ? 'set' : 'null'}`)
      }
    }
  })
})
