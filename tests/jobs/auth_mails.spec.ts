import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { appUrl } from '#config/app'
import { authAttemptsPerMinute } from '#config/limiter'
import { PASSWORD, createCustomer, tokenFor } from '#tests/helpers/users'
import { useBackground } from '#tests/helpers/jobs'
import { UserFactory } from '#database/factories/user_factory'

function tokenFrom(text: string) {
  return text.match(/Reset code: (\S+)/)![1]
}

test.group('Jobs / welcome and password-reset mails', (group) => {
  const background = useBackground(group)

  test('registering sends a welcome mail', async ({ client, assert }) => {
    const response = await client.post('/api/auth/register').json({
      email: 'Asha.Rao@Example.com',
      password: 'kurti-fan-2026',
      full_name: 'Asha Rao',
      role: 'customer',
    })
    response.assertStatus(201)
    const [mail] = await background.catcher.waitFor(1)
    assert.equal(mail.subject, 'Welcome to Meesho Marketplace')
    assert.include(JSON.stringify(mail.to), 'asha.rao@example.com')
    assert.include(mail.text!, 'Hi Asha Rao')
    assert.include(mail.html as string, 'Welcome to Meesho Marketplace')
  })

  test('forgot → mail → reset: single use, old sessions revoked', async ({ client, assert }) => {
    const user = await createCustomer()
    const oldToken = await tokenFor(user)

    const forgot = await client
      .post('/api/auth/forgot-password')
      .json({ email: user.email.toUpperCase() })
    forgot.assertStatus(202)
    forgot.assertAgainstApiSpec()

    const [mail] = await background.catcher.waitFor(1)
    assert.equal(mail.subject, 'Reset your Meesho Marketplace password')
    assert.include(JSON.stringify(mail.to), user.email)
    const token = tokenFrom(mail.text!)
    assert.include(mail.html as string, `${appUrl}/reset-password?token=${token}`)
    // Only a hash is stored; neither the outbox nor the ledger holds the token.
    const [stored] = await db.from('password_reset_tokens')
    assert.notEqual(stored.token_hash, token)
    const [event] = await db.from('outbox_events').where('type', 'password_reset.requested')
    assert.notInclude(JSON.stringify(event.payload), token)

    const reset = await client
      .post('/api/auth/reset-password')
      .json({ token, password: 'brand-new-pass-7' })
    reset.assertStatus(204)

    ;(await client.get('/api/auth/me').bearerToken(oldToken)).assertStatus(401)
    ;(
      await client.post('/api/auth/login').json({ email: user.email, password: PASSWORD })
    ).assertStatus(400)
    ;(
      await client.post('/api/auth/login').json({ email: user.email, password: 'brand-new-pass-7' })
    ).assertStatus(200)

    const again = await client
      .post('/api/auth/reset-password')
      .json({ token, password: 'another-pass-88' })
    again.assertStatus(422)
    again.assertAgainstApiSpec()
    again.assertBodyContains({ errors: [{ field: 'token' }] })
  })

  test('unknown and disabled accounts get the same 202 and no mail', async ({ client, assert }) => {
    const disabled = await UserFactory.apply('disabled').create()
    const unknown = await client
      .post('/api/auth/forgot-password')
      .json({ email: 'nobody@example.com' })
    unknown.assertStatus(202)
    const off = await client.post('/api/auth/forgot-password').json({ email: disabled.email })
    off.assertStatus(202)
    assert.deepEqual(off.body(), unknown.body())
    await new Promise((resolve) => setTimeout(resolve, 1000))
    assert.lengthOf(background.catcher.messages, 0)
    assert.equal(Number((await db.from('password_reset_tokens').count('* as c'))[0].c), 0)
  })

  test('an expired token is refused', async ({ client }) => {
    const user = await createCustomer()
    await client.post('/api/auth/forgot-password').json({ email: user.email })
    const [mail] = await background.catcher.waitFor(1)
    await db.from('password_reset_tokens').update({ expires_at: new Date(Date.now() - 1000) })
    const reset = await client
      .post('/api/auth/reset-password')
      .json({ token: tokenFrom(mail.text!), password: 'brand-new-pass-7' })
    reset.assertStatus(422)
    ;(
      await client.post('/api/auth/login').json({ email: user.email, password: PASSWORD })
    ).assertStatus(200)
  })

  test('forgot-password is rate-limited per IP + email', async ({ client, assert }) => {
    const limit = authAttemptsPerMinute
    for (let i = 0; i < limit; i++) {
      ;(
        await client.post('/api/auth/forgot-password').json({ email: 'x@example.com' })
      ).assertStatus(202)
    }
    const blocked = await client.post('/api/auth/forgot-password').json({ email: 'x@example.com' })
    blocked.assertStatus(429)
    blocked.assertAgainstApiSpec()
    assert.isAbove(Number(blocked.header('retry-after')), 0)
  })
})
