import { test } from '@japa/runner'
import SellerProfile from '#models/seller_profile'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'

test.group('Admin / sellers', (group) => {
  group.each.setup(() => resetState())

  test('an admin lists pending sellers', async ({ client, assert }) => {
    const admin = await createAdmin()
    const pending = await createSeller('pending')
    await createSeller('approved')

    const response = await client
      .get('/api/admin/sellers')
      .qs({ status: 'pending' })
      .bearerToken(await tokenFor(admin))

    response.assertStatus(200)
    response.assertAgainstApiSpec()
    const body = response.body()
    assert.deepEqual(
      body.data.map((s: { id: number }) => s.id),
      [pending.id]
    )
    assert.deepEqual(body.meta, { total: 1, per_page: 20, current_page: 1, last_page: 1 })
    assert.equal(body.data[0].business_name, pending.sellerProfile.businessName)
  })

  test('an admin approves a seller, who can then see itself approved', async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
    const seller = await createSeller('pending')
    const sellerToken = await tokenFor(seller)

    const response = await client
      .post(`/api/admin/sellers/${seller.id}/approve`)
      .bearerToken(await tokenFor(admin))
    response.assertStatus(200)
    response.assertAgainstApiSpec()
    response.assertBodyContains({ data: { id: seller.id, status: 'approved' } })

    const profile = await SellerProfile.findByOrFail('userId', seller.id)
    assert.equal(profile.status, 'approved')
    assert.isNotNull(profile.reviewedAt)

    const me = await client.get('/api/auth/me').bearerToken(sellerToken)
    me.assertBodyContains({ data: { seller: { status: 'approved' } } })
  })

  test('approving a seller without a complete address is a 422 that says so', async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
    const seller = await createSeller('pending')
    await SellerProfile.query().where('user_id', seller.id).update({ city: null, pincode: '  ' })

    const response = await client
      .post(`/api/admin/sellers/${seller.id}/approve`)
      .bearerToken(await tokenFor(admin))
    response.assertStatus(422)
    response.assertAgainstApiSpec()
    response.assertBodyContains({ errors: [{ code: 'E_SELLER_ADDRESS_INCOMPLETE' }] })
    assert.include(response.body().errors[0].message, 'missing: city, PIN code')
    const profile = await SellerProfile.findByOrFail('userId', seller.id)
    assert.equal(profile.status, 'pending')

    // Rejecting needs no address.
    const reject = await client
      .post(`/api/admin/sellers/${seller.id}/reject`)
      .bearerToken(await tokenFor(admin))
    reject.assertStatus(200)
  })

  test('an admin rejects a seller', async ({ client }) => {
    const admin = await createAdmin()
    const seller = await createSeller('pending')
    const response = await client
      .post(`/api/admin/sellers/${seller.id}/reject/`)
      .bearerToken(await tokenFor(admin))
    response.assertStatus(200)
    response.assertBodyContains({ data: { status: 'rejected' } })
  })

  test('approving a customer or an unknown id is a 404', async ({ client }) => {
    const admin = await createAdmin()
    const customer = await createCustomer()
    const token = await tokenFor(admin)
    for (const id of [customer.id, 999999]) {
      const response = await client.post(`/api/admin/sellers/${id}/approve`).bearerToken(token)
      response.assertStatus(404)
      response.assertAgainstApiSpec()
    }
  })

  test('a non-numeric or oversized id is a 404, never a 500', async ({ client }) => {
    const token = await tokenFor(await createAdmin())
    for (const id of ['abc', '99999999999999999999', '-1', '1.5']) {
      const response = await client.post(`/api/admin/sellers/${id}/approve`).bearerToken(token)
      response.assertStatus(404)
    }
  })

  test('{$self} cannot list or approve sellers')
    .with(['customer', 'pending seller', 'approved seller'] as const)
    .run(async ({ client, assert }, role) => {
      const actor =
        role === 'customer'
          ? await createCustomer()
          : await createSeller(role === 'approved seller' ? 'approved' : 'pending')
      const target = await createSeller('pending')
      const token = await tokenFor(actor)

      const list = await client.get('/api/admin/sellers').bearerToken(token)
      list.assertStatus(403)
      list.assertAgainstApiSpec()
      const approve = await client
        .post(`/api/admin/sellers/${target.id}/approve`)
        .bearerToken(token)
      approve.assertStatus(403)

      const profile = await SellerProfile.findByOrFail('userId', target.id)
      assert.equal(profile.status, 'pending')
    })

  test('anonymous callers get a 401', async ({ client }) => {
    const seller = await createSeller('pending')
    ;(await client.get('/api/admin/sellers')).assertStatus(401)
    ;(await client.post(`/api/admin/sellers/${seller.id}/approve`)).assertStatus(401)
  })

  test('an unknown status filter is a 422', async ({ client }) => {
    const response = await client
      .get('/api/admin/sellers')
      .qs({ status: 'banned' })
      .bearerToken(await tokenFor(await createAdmin()))
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ field: 'status' }] })
  })
})
