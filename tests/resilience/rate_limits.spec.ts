import { test } from '@japa/runner'
import { resetState } from '#tests/helpers/database'
import { createCustomer } from '#tests/helpers/users'
import { Stack, childEnv, freePort, waitFor } from '#tests/helpers/stack'
import { readiness } from '#tests/helpers/drill'

const PER_EMAIL = 3
const PER_IP = 5

/** A login attempt as it reaches the app from 127.0.0.1, naming any client address it likes. */
async function login(url: string, email: string, forwardedFor?: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ email, password: 'wrong-password' }),
  })
  await response.arrayBuffer()
  return response.status
}

test.group('Resilience / rate limits behind proxies', (group) => {
  let stack: Stack
  let url: string
  let redis: Awaited<ReturnType<Stack['redis']>>

  group.setup(async () => {
    await resetState()
    stack = await new Stack().open()
    await stack.guard(async () => {
      redis = await stack.redis()
      const port = await freePort()
      url = (
        await stack.server(
          childEnv({
            PORT: port,
            APP_URL: `http://127.0.0.1:${port}`,
            REDIS_PORT: redis.port,
            REDIS_DB: 0,
            LIMITER_STORE: 'redis',
            AUTH_RATE_LIMIT_PER_MINUTE: PER_EMAIL,
            AUTH_LOGIN_IP_RATE_LIMIT_PER_MINUTE: PER_IP,
            // The load balancer's network; this test's own 127.0.0.1 is not in it.
            TRUSTED_PROXIES: '10.0.0.0/8',
          })
        )
      ).url
      // Counted in Redis from the first attempt (until Redis has answered once, in memory).
      await waitFor(async () => (await readiness(url)).checks.redis === 'ok', 10_000, 'redis')
    })
    return () => stack.close()
  })
  group.each.setup(() => redis.flush())

  test('X-Forwarded-For from a peer that is not a trusted proxy cannot pick a fresh bucket', async ({
    assert,
  }) => {
    const user = await createCustomer()
    const statuses = []
    for (let i = 0; i <= PER_EMAIL; i++) {
      statuses.push(await login(url, user.email, `203.0.113.${i + 1}`))
    }
    assert.deepEqual(statuses, [...Array(PER_EMAIL).fill(400), 429])
  })

  test('one IP trying many accounts hits the per-IP ceiling', async ({ assert }) => {
    const statuses = []
    for (let i = 0; i <= PER_IP; i++) {
      // Other accounts each time: the per-email counter never fills.
      statuses.push(await login(url, `shopper${i}-${Date.now()}@example.com`))
    }
    assert.deepEqual(statuses, [...Array(PER_IP).fill(400), 429])
  })
})
