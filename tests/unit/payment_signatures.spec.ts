import { test } from '@japa/runner'
import { createHmac } from 'node:crypto'
import { SandboxGateway } from '#services/payments/sandbox_gateway'
import { signaturesMatch } from '#services/payments/payment_gateway'

const gateway = new SandboxGateway('rzp_test_x', 'key-secret', 'webhook-secret', null)

test.group('Payment signatures', () => {
  test('accepts the Razorpay checkout signature, computed independently', ({ assert }) => {
    // HMAC-SHA256 of "order_id|payment_id" with the key secret, hex encoded.
    const expected = createHmac('sha256', 'key-secret').update('order_A1|pay_B2').digest('hex')
    assert.isTrue(gateway.verifyPaymentSignature('order_A1', 'pay_B2', expected))
    assert.isTrue(gateway.verifyPaymentSignature('order_A1', 'pay_B2', expected.toUpperCase()))
  })

  test('refuses signatures for other ids, other secrets, or garbage', ({ assert }) => {
    const good = createHmac('sha256', 'key-secret').update('order_A1|pay_B2').digest('hex')
    const otherSecret = createHmac('sha256', 'other').update('order_A1|pay_B2').digest('hex')
    assert.isFalse(gateway.verifyPaymentSignature('order_A1', 'pay_B3', good))
    assert.isFalse(gateway.verifyPaymentSignature('order_A2', 'pay_B2', good))
    assert.isFalse(gateway.verifyPaymentSignature('order_A1', 'pay_B2', otherSecret))
    for (const garbage of ['', 'zz', good.slice(0, 63), `${good}00`, null, 42, { good }]) {
      assert.isFalse(gateway.verifyPaymentSignature('order_A1', 'pay_B2', garbage))
    }
  })

  test('webhook signatures cover the exact raw body', ({ assert }) => {
    const body = '{"event":"payment.captured","payload":{}}'
    const signature = createHmac('sha256', 'webhook-secret').update(body).digest('hex')
    assert.isTrue(gateway.verifyWebhookSignature(body, signature))
    assert.isFalse(gateway.verifyWebhookSignature(`${body} `, signature))
    assert.isFalse(gateway.verifyWebhookSignature(body, undefined))
    const keyed = createHmac('sha256', 'key-secret').update(body).digest('hex')
    assert.isFalse(gateway.verifyWebhookSignature(body, keyed))
  })

  test('signaturesMatch never throws on length mismatch', ({ assert }) => {
    assert.isFalse(signaturesMatch('abcd', 'ab'))
    assert.isTrue(signaturesMatch('abcd', 'ABCD'))
  })

  test('sandbox checkout results carry a valid Razorpay-shaped signature', ({ assert }) => {
    const result = gateway.completeCheckout('order_Q1w2e3r4t5y6u7')
    assert.match(result.razorpay_payment_id, /^pay_[A-Za-z0-9]{14}$/)
    const expected = createHmac('sha256', 'key-secret')
      .update(`order_Q1w2e3r4t5y6u7|${result.razorpay_payment_id}`)
      .digest('hex')
    assert.equal(result.razorpay_signature, expected)
  })
})
