import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import app from '@adonisjs/core/services/app'

const run = promisify(execFile)

/** Boots the app in a child process (`node ace migration:status` starts it) with these variables. */
async function boot(vars: Record<string, string>) {
  return run('node', ['ace', 'migration:status'], {
    cwd: app.makePath(),
    env: { ...process.env, LOG_LEVEL: 'silent', ...vars },
  }).then(
    () => ({ code: 0, output: '' }),
    (error) => ({ code: error.code as number, output: `${error.stdout}${error.stderr}` })
  )
}

const REAL_LOOKING = {
  PAYMENT_GATEWAY: 'razorpay',
  RAZORPAY_KEY_ID: 'rzp_test_Q3xJ9kLmN2pRsT',
  RAZORPAY_KEY_SECRET: 'k3yS3cr3tFr0mTh3Dashb0ard',
  RAZORPAY_WEBHOOK_SECRET: 'wh00kS3cr3tFr0mTh3Dashb0ard',
}

test.group('Payments / secrets validated at boot', () => {
  test('razorpay without a webhook secret does not boot, naming the variable', async ({
    assert,
  }) => {
    const result = await boot({ ...REAL_LOOKING, RAZORPAY_WEBHOOK_SECRET: '' })
    assert.notEqual(result.code, 0)
    assert.include(result.output, 'RAZORPAY_WEBHOOK_SECRET')
  }).timeout(60_000)

  test('razorpay refuses the secrets published in .env.example', async ({ assert }) => {
    const webhook = await boot({
      ...REAL_LOOKING,
      RAZORPAY_WEBHOOK_SECRET: 'sandbox_webhook_secret_change_me',
    })
    assert.notEqual(webhook.code, 0)
    assert.include(webhook.output, 'RAZORPAY_WEBHOOK_SECRET')

    const key = await boot({ ...REAL_LOOKING, RAZORPAY_KEY_SECRET: 'sandbox_key_secret_change_me' })
    assert.notEqual(key.code, 0)
    assert.include(key.output, 'RAZORPAY_KEY_SECRET')
  }).timeout(60_000)

  test('production refuses the sandbox gateway unless a staging host opts in', async ({
    assert,
  }) => {
    const refused = await boot({ NODE_ENV: 'production', PAYMENT_GATEWAY: 'sandbox' })
    assert.notEqual(refused.code, 0)
    assert.include(refused.output, 'PAYMENT_GATEWAY')

    const staging = await boot({
      NODE_ENV: 'production',
      PAYMENT_GATEWAY: 'sandbox',
      ALLOW_SANDBOX_PAYMENTS_IN_PRODUCTION: 'true',
    })
    assert.equal(staging.code, 0, staging.output)
  }).timeout(60_000)

  test('real-looking razorpay keys boot', async ({ assert }) => {
    const result = await boot({ ...REAL_LOOKING, NODE_ENV: 'production' })
    assert.equal(result.code, 0, result.output)
  }).timeout(60_000)
})
