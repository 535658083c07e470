import { test } from '@japa/runner'
import { authAttemptsPerMinute } from '#config/limiter'
import { resetState } from '#tests/helpers/database'
import { PASSWORD, createCustomer } from '#tests/helpers/users'

const limit = authAttemptsPerMinute

test.group('Auth / rate limits', (group) => {
  group.each.setup(() => resetState())

  test('login is limited per IP + email, with Retry-After', async ({ client, assert }) => {
    const user = await createCustomer()
    for (let i = 0; i < limit; i++) {
      const attempt = await client
        .post('/api/auth/login')
        .json({ email: user.email, password: 'wrong-password' })
      attempt.assertStatus(400)
    }
    const blocked = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: PASSWORD })
    blocked.assertStatus(429)
    blocked.assertAgainstApiSpec()
    assert.isAbove(Number(blocked.header('retry-after')), 0)

    // Another account from the same IP is unaffected.
    const other = await createCustomer()
    const allowed = await client
      .post('/api/auth/login')
      .json({ email: other.email, password: PASSWORD })
    allowed.assertStatus(200)
  })

  test('the login counter is keyed on the client IP too', async ({ client }) => {
    const user = await createCustomer()
    for (let i = 0; i < limit; i++) {
      await client
        .post('/api/auth/login')
        .header('x-forwarded-for', '203.0.113.7')
        .json({ email: user.email, password: 'wrong-password' })
    }
    const blocked = await client
      .post('/api/auth/login')
      .header('x-forwarded-for', '203.0.113.7')
      .json({ email: user.email, password: PASSWORD })
    blocked.assertStatus(429)

    const elsewhere = await client
      .post('/api/auth/login')
      .header('x-forwarded-for', '198.51.100.9')
      .json({ email: user.email, password: PASSWORD })
    elsewhere.assertStatus(200)
  })

  test('registration is limited per IP', async ({ client }) => {
    for (let i = 0; i < limit; i++) {
      const response = await client.post('/api/auth/register').json({
        email: `shopper${i}@example.com`,
        password: 'kurti-fan-2026',
        full_name: `Shopper ${i}`,
        role: 'customer',
      })
      response.assertStatus(201)
    }
    const blocked = await client.post('/api/auth/register').json({
      email: 'one-more@example.com',
      password: 'kurti-fan-2026',
      full_name: 'One More',
      role: 'customer',
    })
    blocked.assertStatus(429)
    blocked.assertBodyContains({ errors: [{ code: 'E_TOO_MANY_REQUESTS' }] })
  })
})
