import { test } from '@japa/runner'
import config from '@adonisjs/core/services/config'
import User from '#models/user'
import { countRows, resetState } from '#tests/helpers/database'
import { createCustomer } from '#tests/helpers/users'

const customer = {
  email: 'Priya.Sharma@Example.com',
  password: 'saree-lover-2026',
  full_name: 'Priya Sharma',
  role: 'customer',
}

const seller = {
  email: 'ravi@handloom.in',
  password: 'handloom-2026',
  full_name: 'Ravi Kumar',
  role: 'seller',
  phone: '+91 98765 43210',
  business_name: 'Jaipur Handloom House',
  gstin: '27AAPFU0939F1ZV',
}

test.group('Auth / register', (group) => {
  group.each.setup(() => resetState())

  test('a customer registers and gets a working token', async ({ client, assert }) => {
    const response = await client.post('/api/auth/register').json(customer)

    response.assertStatus(201)
    response.assertAgainstApiSpec()
    const { user, token } = response.body().data
    assert.equal(user.email, 'priya.sharma@example.com')
    assert.equal(user.role, 'customer')
    assert.isNull(user.seller)
    assert.equal(token.type, 'bearer')
    assert.isTrue(new Date(token.expires_at).getTime() > Date.now())

    const me = await client.get('/api/auth/me').bearerToken(token.token)
    me.assertStatus(200)
    assert.equal(me.body().data.id, user.id)
  })

  test('a seller registers with a pending profile and a normalised phone', async ({
    client,
    assert,
  }) => {
    const response = await client.post('/api/auth/register').json(seller)

    response.assertStatus(201)
    response.assertAgainstApiSpec()
    const { user } = response.body().data
    assert.deepEqual(user.seller, {
      business_name: 'Jaipur Handloom House',
      gstin: '27AAPFU0939F1ZV',
      status: 'pending',
    })
    assert.equal(user.phone, '9876543210')
  })

  test('with seller auto-approval switched on in the settings, a new seller starts approved', async ({
    client,
    assert,
  }) => {
    const before = config.get('commerce.sellerAutoApprove')
    config.set('commerce.sellerAutoApprove', true)
    try {
      const response = await client.post('/api/auth/register').json(seller)
      response.assertStatus(201)
      assert.equal(response.body().data.user.seller.status, 'approved')
    } finally {
      config.set('commerce.sellerAutoApprove', before)
    }
  })

  test('the password is stored hashed, never as sent', async ({ client, assert }) => {
    await client.post('/api/auth/register').json(customer)
    const stored = await User.findByOrFail('email', 'priya.sharma@example.com')
    assert.notEqual(stored.password, customer.password)
    assert.match(stored.password, /^\$scrypt\$/)
  })

  test('registering as admin is refused', async ({ client, assert }) => {
    const response = await client.post('/api/auth/register').json({ ...customer, role: 'admin' })

    response.assertStatus(422)
    response.assertAgainstApiSpec()
    assert.equal(response.body().errors[0].field, 'role')
    assert.equal(await countRows('users'), 0)
  })

  test('a duplicate email in another case is a 422 on email', async ({ client, assert }) => {
    await client.post('/api/auth/register').json(customer)
    const response = await client
      .post('/api/auth/register')
      .json({ ...customer, email: 'PRIYA.SHARMA@example.COM' })

    response.assertStatus(422)
    assert.deepInclude(response.body().errors, {
      field: 'email',
      rule: 'database.unique',
      message: 'The email has already been taken',
    })
  })

  test('two simultaneous registrations with one email create one account', async ({
    client,
    assert,
  }) => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => client.post('/api/auth/register').json(customer))
    )
    const statuses = responses.map((r) => r.status()).sort()
    assert.deepEqual(statuses, [201, 422, 422, 422, 422])
    const count = await User.query().whereRaw('lower(email) = ?', ['priya.sharma@example.com'])
    assert.lengthOf(count, 1)
  })

  test('a seller needs a business name', async ({ client }) => {
    const response = await client
      .post('/api/auth/register')
      .json({ ...seller, business_name: undefined })
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ field: 'business_name', rule: 'required' }] })
  })

  test('an invalid GSTIN is refused: {$self}')
    .with([
      ['27AAPFU0939F1ZX', 'wrong check digit'],
      ['27AAPFU0939F1Z', 'too short'],
      ['ZZAAPFU0939F1ZV', 'state code not digits'],
    ] as const)
    .run(async ({ client }, [gstin]) => {
      const response = await client.post('/api/auth/register').json({ ...seller, gstin })
      response.assertStatus(422)
      response.assertBodyContains({ errors: [{ field: 'gstin', rule: 'gstin' }] })
    })

  test('bad input is a 422 naming the field: {name}')
    .with([
      { name: 'missing email', body: { ...customer, email: undefined }, field: 'email' },
      { name: 'invalid email', body: { ...customer, email: 'not-an-email' }, field: 'email' },
      { name: 'short password', body: { ...customer, password: 'short' }, field: 'password' },
      {
        name: 'common password',
        body: { ...customer, password: 'password123' },
        field: 'password',
      },
      { name: 'number as name', body: { ...customer, full_name: 42 }, field: 'full_name' },
      {
        name: 'overlong name',
        body: { ...customer, full_name: 'x'.repeat(121) },
        field: 'full_name',
      },
      {
        name: 'overlong email',
        body: { ...customer, email: `${'a'.repeat(250)}@x.in` },
        field: 'email',
      },
      { name: 'unknown role', body: { ...customer, role: 'superuser' }, field: 'role' },
      { name: 'bad phone', body: { ...customer, phone: '12345' }, field: 'phone' },
      {
        name: 'password as object',
        body: { ...customer, password: { $gt: '' } },
        field: 'password',
      },
    ])
    .run(async ({ client, assert }, row) => {
      const response = await client.post('/api/auth/register').json(row.body)
      response.assertStatus(422)
      response.assertAgainstApiSpec()
      const fields = response.body().errors.map((e: { field: string }) => e.field)
      assert.include(fields, row.field)
      assert.equal(await countRows('users'), 0)
    })

  test('garbage JSON is a 400 with the error shape', async ({ client }) => {
    const response = await client.post('/api/auth/register').json('{"email": "x@y.in", ')
    response.assertStatus(400)
    response.assertAgainstApiSpec()
    response.assertBodyContains({ errors: [{ code: 'E_BAD_REQUEST' }] })
  })

  test('a JSON scalar body is a 400, not a crash', async ({ client }) => {
    const response = await client.post('/api/auth/register').json('"just a string"')
    response.assertStatus(400)
  })

  test('a body over 1 MB is a 413', async ({ client }) => {
    const response = await client
      .post('/api/auth/register')
      .json({ ...customer, full_name: 'x'.repeat(2 * 1024 * 1024) })
    response.assertStatus(413)
    response.assertAgainstApiSpec()
  })

  test('an existing account is untouched by a failed duplicate registration', async ({
    client,
    assert,
  }) => {
    const existing = await createCustomer()
    const response = await client
      .post('/api/auth/register')
      .json({ ...customer, email: existing.email.toUpperCase(), full_name: 'Impostor' })
    response.assertStatus(422)
    await existing.refresh()
    assert.notEqual(existing.fullName, 'Impostor')
  })
})
