import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { PASSWORD, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'

test.group('Auth / login, logout, me', (group) => {
  group.each.setup(() => resetState())

  test('login with any email case returns the user and a token', async ({ client, assert }) => {
    const user = await createCustomer()
    const response = await client
      .post('/api/auth/login')
      .json({ email: user.email.toUpperCase(), password: PASSWORD })

    response.assertStatus(200)
    response.assertAgainstApiSpec()
    assert.equal(response.body().data.user.id, user.id)
    assert.match(response.body().data.token.token, /^mkt_/)
  })

  test('a pending seller can log in and sees its status', async ({ client }) => {
    const seller = await createSeller('pending')
    const response = await client
      .post('/api/auth/login')
      .json({ email: seller.email, password: PASSWORD })
    response.assertStatus(200)
    response.assertBodyContains({
      data: { user: { role: 'seller', seller: { status: 'pending' } } },
    })
  })

  test('wrong password and unknown email get the same generic answer', async ({
    client,
    assert,
  }) => {
    const user = await createCustomer()
    const wrongPassword = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: 'not-the-password' })
    const unknownEmail = await client
      .post('/api/auth/login')
      .json({ email: 'nobody@example.com', password: PASSWORD })

    wrongPassword.assertStatus(400)
    wrongPassword.assertAgainstApiSpec()
    unknownEmail.assertStatus(400)
    assert.deepEqual(wrongPassword.body(), unknownEmail.body())
  })

  test('a disabled account cannot log in, with the same generic answer', async ({ client }) => {
    const user = await createCustomer()
    user.isActive = false
    await user.save()
    const response = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: PASSWORD })
    response.assertStatus(400)
    response.assertBodyContains({ errors: [{ message: 'Invalid user credentials' }] })
  })

  test('login validation: {name}')
    .with([
      { name: 'missing password', body: { email: 'a@b.in' } },
      { name: 'numeric email', body: { email: 12, password: 'x' } },
      { name: 'empty body', body: {} },
    ])
    .run(async ({ client }, row) => {
      const response = await client.post('/api/auth/login').json(row.body)
      response.assertStatus(422)
      response.assertAgainstApiSpec()
    })

  test('logout revokes the presented token only', async ({ client }) => {
    const user = await createCustomer()
    const first = await tokenFor(user)
    const second = await tokenFor(user)

    const logout = await client.post('/api/auth/logout').bearerToken(first)
    logout.assertStatus(204)

    const revoked = await client.get('/api/auth/me').bearerToken(first)
    revoked.assertStatus(401)
    revoked.assertAgainstApiSpec()
    const other = await client.get('/api/auth/me').bearerToken(second)
    other.assertStatus(200)
  })

  test('an expired token is refused', async ({ client }) => {
    const user = await createCustomer()
    const token = await tokenFor(user)
    await db
      .from('auth_access_tokens')
      .where('tokenable_id', user.id)
      .update({ expires_at: DateTime.now().minus({ minutes: 1 }).toJSDate() })

    const response = await client.get('/api/auth/me').bearerToken(token)
    response.assertStatus(401)
  })

  test('me without a token, or with garbage, is a 401: {$self}')
    .with(['none', 'garbage', 'mkt_MQ.forged', 'Basic abc'])
    .run(async ({ client }, kind) => {
      const request = client.get('/api/auth/me')
      if (kind === 'Basic abc') request.header('authorization', kind)
      else if (kind !== 'none') request.bearerToken(kind)
      const response = await request
      response.assertStatus(401)
      response.assertBodyContains({ errors: [{ code: 'E_UNAUTHORIZED_ACCESS' }] })
    })

  test('a user disabled after login is refused on the next request', async ({ client }) => {
    const user = await createCustomer()
    const token = await tokenFor(user)
    await db.from('users').where('id', user.id).update({ is_active: false })
    const response = await client.get('/api/auth/me').bearerToken(token)
    response.assertStatus(401)
  })
})

test.group('Auth / update me', (group) => {
  group.each.setup(() => resetState())

  test('updates name and phone', async ({ client }) => {
    const user = await createCustomer()
    const response = await client
      .patch('/api/auth/me')
      .bearerToken(await tokenFor(user))
      .json({ full_name: 'Priya S.', phone: '09123456789' })
    response.assertStatus(200)
    response.assertAgainstApiSpec()
    response.assertBodyContains({ data: { full_name: 'Priya S.', phone: '9123456789' } })
  })

  test('changing the password needs the current one', async ({ client }) => {
    const user = await createCustomer()
    const token = await tokenFor(user)

    const missing = await client
      .patch('/api/auth/me')
      .bearerToken(token)
      .json({ password: 'brand-new-pass-1' })
    missing.assertStatus(422)
    missing.assertBodyContains({ errors: [{ field: 'current_password' }] })

    const wrong = await client
      .patch('/api/auth/me')
      .bearerToken(token)
      .json({ password: 'brand-new-pass-1', current_password: 'nope-nope' })
    wrong.assertStatus(422)
    wrong.assertBodyContains({ errors: [{ field: 'current_password' }] })

    const ok = await client
      .patch('/api/auth/me')
      .bearerToken(token)
      .json({ password: 'brand-new-pass-1', current_password: PASSWORD })
    ok.assertStatus(200)

    const oldLogin = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: PASSWORD })
    oldLogin.assertStatus(400)
    const newLogin = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: 'brand-new-pass-1' })
    newLogin.assertStatus(200)
  })

  test('a weak new password is refused', async ({ client }) => {
    const user = await createCustomer()
    const response = await client
      .patch('/api/auth/me')
      .bearerToken(await tokenFor(user))
      .json({ password: 'aaaaaaaaaa', current_password: PASSWORD })
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ field: 'password', rule: 'strongPassword' }] })
  })

  test('role cannot be changed through update me', async ({ client, assert }) => {
    const user = await createCustomer()
    const response = await client
      .patch('/api/auth/me')
      .bearerToken(await tokenFor(user))
      .json({ role: 'admin', is_active: true })
    response.assertStatus(200)
    await user.refresh()
    assert.equal(user.role, 'customer')
  })

  test('unauthenticated update is a 401', async ({ client }) => {
    const response = await client.patch('/api/auth/me').json({ full_name: 'x' })
    response.assertStatus(401)
  })
})
