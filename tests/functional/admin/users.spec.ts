import { test } from '@japa/runner'
import { resetState } from '#tests/helpers/database'
import { PASSWORD, createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'

test.group('Admin / users', (group) => {
  group.each.setup(() => resetState())

  test('an admin lists, filters and searches users with pagination', async ({ client, assert }) => {
    const admin = await createAdmin()
    const customers = await Promise.all([createCustomer(), createCustomer(), createCustomer()])
    await createSeller()
    const token = await tokenFor(admin)

    const all = await client.get('/api/admin/users').qs({ per_page: 2 }).bearerToken(token)
    all.assertStatus(200)
    all.assertAgainstApiSpec()
    assert.deepEqual(all.body().meta, { total: 5, per_page: 2, current_page: 1, last_page: 3 })

    const onlyCustomers = await client
      .get('/api/admin/users')
      .qs({ role: 'customer' })
      .bearerToken(token)
    assert.equal(onlyCustomers.body().meta.total, 3)

    const search = await client
      .get('/api/admin/users')
      .qs({ search: customers[1].email.slice(0, 12).toUpperCase() })
      .bearerToken(token)
    assert.deepEqual(
      search.body().data.map((u: { id: number }) => u.id),
      [customers[1].id]
    )
  })

  test('pagination edges are validated: {$i}')
    .with([{ page: 0 }, { per_page: 1000 }, { page: 'abc' }, { per_page: -1 }, { page: 1.5 }])
    .run(async ({ client }, qs) => {
      const response = await client
        .get('/api/admin/users')
        .qs(qs)
        .bearerToken(await tokenFor(await createAdmin()))
      response.assertStatus(422)
      response.assertAgainstApiSpec()
    })

  test('disabling a user revokes its tokens and blocks login', async ({ client, assert }) => {
    const admin = await createAdmin()
    const customer = await createCustomer()
    const customerToken = await tokenFor(customer)

    const response = await client
      .patch(`/api/admin/users/${customer.id}`)
      .bearerToken(await tokenFor(admin))
      .json({ is_active: false })
    response.assertStatus(200)
    response.assertAgainstApiSpec()
    assert.isFalse(response.body().data.is_active)

    ;(await client.get('/api/auth/me').bearerToken(customerToken)).assertStatus(401)
    const login = await client
      .post('/api/auth/login')
      .json({ email: customer.email, password: PASSWORD })
    login.assertStatus(400)

    const enable = await client
      .patch(`/api/admin/users/${customer.id}`)
      .bearerToken(await tokenFor(admin))
      .json({ is_active: true })
    enable.assertStatus(200)
    // Re-enabling does not revive the old token.
    ;(await client.get('/api/auth/me').bearerToken(customerToken)).assertStatus(401)
    ;(
      await client.post('/api/auth/login').json({ email: customer.email, password: PASSWORD })
    ).assertStatus(200)
  })

  test('an admin cannot disable itself', async ({ client }) => {
    const admin = await createAdmin()
    const response = await client
      .patch(`/api/admin/users/${admin.id}`)
      .bearerToken(await tokenFor(admin))
      .json({ is_active: false })
    response.assertStatus(403)
  })

  test('bad bodies: {name}')
    .with([
      { name: 'missing is_active', body: {}, status: 422 },
      { name: 'is_active as text', body: { is_active: 'maybe' }, status: 422 },
    ])
    .run(async ({ client }, row) => {
      const admin = await createAdmin()
      const customer = await createCustomer()
      const response = await client
        .patch(`/api/admin/users/${customer.id}`)
        .bearerToken(await tokenFor(admin))
        .json(row.body)
      response.assertStatus(row.status)
      response.assertAgainstApiSpec()
    })

  test('an unknown user is a 404', async ({ client }) => {
    const response = await client
      .patch('/api/admin/users/424242')
      .bearerToken(await tokenFor(await createAdmin()))
      .json({ is_active: false })
    response.assertStatus(404)
    response.assertAgainstApiSpec()
  })

  test('non-admins cannot list or disable users', async ({ client, assert }) => {
    const victim = await createCustomer()
    for (const actor of [await createCustomer(), await createSeller()]) {
      const token = await tokenFor(actor)
      ;(await client.get('/api/admin/users').bearerToken(token)).assertStatus(403)
      const patch = await client
        .patch(`/api/admin/users/${victim.id}`)
        .bearerToken(token)
        .json({ is_active: false })
      patch.assertStatus(403)
    }
    await victim.refresh()
    assert.isTrue(victim.isActive)
  })
})
