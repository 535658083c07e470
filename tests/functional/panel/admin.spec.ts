import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { namedSeller, paidTwoSellerOrder } from '#tests/helpers/panel'

test.group('Panel: admin', (group) => {
  group.each.setup(() => resetState())

  test('the approval queue lists pending sellers; approving opens the seller area', async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
    const pending = await namedSeller('pending', 'Ravi Handlooms')
    const approved = await namedSeller('approved', 'Asha Crafts')

    const queue = await client.get('/panel/admin/sellers').withGuard('web').loginAs(admin)
    queue.assertStatus(200)
    assert.include(queue.text(), pending.sellerProfile.businessName)
    assert.notInclude(queue.text(), approved.sellerProfile.businessName)

    const response = await client
      .post(`/panel/admin/sellers/${pending.id}/approve`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('success', `${pending.sellerProfile.businessName} is approved.`)
    const profile = await db.from('seller_profiles').where('user_id', pending.id).firstOrFail()
    assert.equal(profile.status, 'approved')
    assert.isNotNull(profile.reviewed_at)

    const home = await client.get('/panel').withGuard('web').loginAs(pending).redirects(0)
    home.assertHeader('location', '/panel/seller')
  })

  test('approving a seller without an address is refused with the reason', async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
    const pending = await namedSeller('pending', 'Nowhere Traders')
    await db
      .from('seller_profiles')
      .where('user_id', pending.id)
      .update({ address_line1: null, state: null })
    const response = await client
      .post(`/panel/admin/sellers/${pending.id}/approve`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage(
      'error',
      'The seller cannot be approved without a complete business address (missing: address line 1, state); it is printed on every invoice'
    )
    const profile = await db.from('seller_profiles').where('user_id', pending.id).firstOrFail()
    assert.equal(profile.status, 'pending')
  })

  test('only admins review sellers', async ({ client, assert }) => {
    const pending = await createSeller('pending')
    const seller = await createSeller('approved')
    const response = await client
      .post(`/panel/admin/sellers/${pending.id}/approve`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
    response.assertStatus(403)
    const profile = await db.from('seller_profiles').where('user_id', pending.id).firstOrFail()
    assert.equal(profile.status, 'pending')
    const missing = await client
      .post(`/panel/admin/sellers/999999/approve`)
      .withGuard('web')
      .loginAs(await createAdmin())
      .withCsrfToken()
    missing.assertStatus(404)
  })

  test('searching users, disabling one signs it out everywhere, enabling brings it back', async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
    const customer = await createCustomer()
    const seller = await createSeller('approved')
    const apiToken = await tokenFor(customer)

    const search = await client
      .get('/panel/admin/users')
      .qs({ search: seller.email.slice(0, 8) })
      .withGuard('web')
      .loginAs(admin)
    search.assertStatus(200)
    assert.include(search.text(), seller.email)
    assert.notInclude(search.text(), customer.email)

    const disabled = await client
      .post(`/panel/admin/users/${customer.id}/active`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({ is_active: '0' })
      .redirects(0)
    disabled.assertStatus(302)
    disabled.assertFlashMessage('success', `${customer.email} is disabled.`)
    ;(await client.get('/api/auth/me').bearerToken(apiToken)).assertStatus(401)

    await client
      .post(`/panel/admin/users/${seller.id}/active`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({ is_active: '0' })
    const locked = await client
      .get('/panel/seller/orders')
      .withGuard('web')
      .loginAs(seller)
      .redirects(0)
    locked.assertHeader('location', '/panel/login')

    await client
      .post(`/panel/admin/users/${seller.id}/active`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({ is_active: '1' })
    const row = await db.from('users').where('id', seller.id).firstOrFail()
    assert.isTrue(row.is_active)
  })

  test('an admin cannot disable itself, and the button is not offered', async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
    const list = await client.get('/panel/admin/users').withGuard('web').loginAs(admin)
    assert.notInclude(list.text(), `/panel/admin/users/${admin.id}/active`)
    const response = await client
      .post(`/panel/admin/users/${admin.id}/active`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({ is_active: '0' })
    response.assertStatus(403)
    const row = await db.from('users').where('id', admin.id).firstOrFail()
    assert.isTrue(row.is_active)
  })

  test('all orders, filtered by status and number', async ({ client, assert }) => {
    const admin = await createAdmin()
    const { order } = await paidTwoSellerOrder()
    const all = await client.get('/panel/admin/orders').withGuard('web').loginAs(admin)
    all.assertStatus(200)
    assert.include(all.text(), order.number)
    assert.include(all.text(), 'Oxidised Jhumkas')
    const byNumber = await client
      .get('/panel/admin/orders')
      .qs({ number: order.number.toLowerCase() })
      .withGuard('web')
      .loginAs(admin)
    assert.include(byNumber.text(), order.number)
    const cancelled = await client
      .get('/panel/admin/orders')
      .qs({ status: 'cancelled' })
      .withGuard('web')
      .loginAs(admin)
    assert.notInclude(cancelled.text(), order.number)
  })
})
