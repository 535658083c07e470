import { test } from '@japa/runner'
import { resetState } from '#tests/helpers/database'
import { PASSWORD, createCustomer, issueResetToken, tokenFor } from '#tests/helpers/users'

test.group('Password reset page (the link in the mail)', (group) => {
  group.each.setup(() => resetState())

  test('the form sets a new password, signs every device out, and works once', async ({
    client,
    assert,
  }) => {
    const user = await createCustomer()
    const apiToken = await tokenFor(user)
    const token = await issueResetToken(user.email)

    const page = await client.get('/reset-password').qs({ token })
    page.assertStatus(200)
    assert.include(page.text(), `value="${token}"`)
    assert.include(page.text(), "name='_csrf'")

    const done = await client
      .post('/reset-password')
      .withCsrfToken()
      .form({ token, password: 'fresh-start-2026' })
    done.assertStatus(200)
    assert.include(done.text(), 'Password changed')

    ;(await client.get('/api/auth/me').bearerToken(apiToken)).assertStatus(401)
    ;(
      await client.post('/api/auth/login').json({ email: user.email, password: PASSWORD })
    ).assertStatus(400)
    ;(
      await client.post('/api/auth/login').json({ email: user.email, password: 'fresh-start-2026' })
    ).assertStatus(200)

    const reused = await client
      .post('/reset-password')
      .withCsrfToken()
      .form({ token, password: 'another-one-2026' })
    reused.assertStatus(422)
    assert.include(reused.text(), 'invalid or has expired')
  })

  test('a weak password is shown next to the form, the token stays usable', async ({
    client,
    assert,
  }) => {
    const user = await createCustomer()
    const token = await issueResetToken(user.email)
    const weak = await client
      .post('/reset-password')
      .withCsrfToken()
      .form({ token, password: 'short' })
    weak.assertStatus(422)
    assert.include(weak.text(), 'at least 8 characters')
    assert.include(weak.text(), `value="${token}"`)
    const ok = await client
      .post('/reset-password')
      .withCsrfToken()
      .form({ token, password: 'long-enough-99' })
    ok.assertStatus(200)
  })

  test('posting without the CSRF token is refused', async ({ client, assert }) => {
    const user = await createCustomer()
    const token = await issueResetToken(user.email)
    const forged = await client.post('/reset-password').form({ token, password: 'attacker-pass-1' })
    assert.notEqual(forged.status(), 200)
    ;(
      await client.post('/api/auth/login').json({ email: user.email, password: PASSWORD })
    ).assertStatus(200)
  })
})
