import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import { fakeGstin } from '#database/factories/user_factory'
import { resetState } from '#tests/helpers/database'
import { createProduct } from '#tests/helpers/commerce'
import { namedSeller } from '#tests/helpers/panel'
import { createAdmin, tokenFor } from '#tests/helpers/users'

/** The profile form as the seller's page fills it, with `changes` typed over it. */
function saveProfile(client: ApiClient, seller: User, changes: Record<string, string>) {
  const profile = seller.sellerProfile
  return client
    .post('/panel/seller/profile')
    .withGuard('web')
    .loginAs(seller)
    .withCsrfToken()
    .form({
      business_name: profile.businessName,
      gstin: profile.gstin ?? '',
      address_line1: profile.addressLine1 ?? '',
      address_line2: profile.addressLine2 ?? '',
      city: profile.city ?? '',
      state: profile.state ?? '',
      pincode: profile.pincode ?? '',
      ...changes,
    })
    .redirects(0)
}

async function listedIds(client: ApiClient) {
  const list = await client.get('/api/products')
  list.assertStatus(200)
  return list.body().data.map((product: { id: number }) => product.id)
}

test.group('Panel: approved sellers changing who they are go back to review', (group) => {
  group.each.setup(() => resetState())

  test('a new GSTIN: pending with a note, products off the storefront until approved again', async ({
    client,
    assert,
  }) => {
    const seller = await namedSeller('approved', 'Ravi Weaves')
    const product = await createProduct({ title: 'Ikat Cotton Dupatta' }, seller)
    assert.include(await listedIds(client), product.id)

    const saved = await saveProfile(client, seller, { gstin: fakeGstin('29') })
    saved.assertStatus(302)
    saved.assertHeader('location', '/panel')
    saved.assertFlashMessage(
      'success',
      'Business details saved. Your new GSTIN needs a review by the marketplace team: until an ' +
        'admin approves the change, your products are hidden from the storefront and the seller ' +
        'area is closed.'
    )
    const profile = await db.from('seller_profiles').where('user_id', seller.id).firstOrFail()
    assert.equal(profile.status, 'pending')
    assert.equal(profile.review_note, 'Changed GSTIN')

    // Gone from the (cached) storefront list and its page at once.
    assert.notInclude(await listedIds(client), product.id)
    ;(await client.get(`/api/products/${product.slug}`)).assertStatus(404)

    const home = await client.get('/panel').withGuard('web').loginAs(seller)
    home.assertStatus(200)
    assert.include(home.text(), 'Your business details are <span class="badge pending">pending')
    assert.include(home.text(), '(Changed GSTIN)')

    // The admin sees why it is back, in the API and the panel, and approves it again.
    const admin = await createAdmin()
    const adminToken = await tokenFor(admin)
    const queue = await client
      .get('/api/admin/sellers')
      .qs({ status: 'pending' })
      .bearerToken(adminToken)
    queue.assertAgainstApiSpec()
    assert.deepInclude(
      queue.body().data.map((s: { id: number; review_note: string | null }) => ({
        id: s.id,
        review_note: s.review_note,
      })),
      { id: seller.id, review_note: 'Changed GSTIN' }
    )
    const page = await client.get('/panel/admin/sellers').withGuard('web').loginAs(admin)
    assert.include(page.text(), 'Changed GSTIN')

    const approved = await client
      .post(`/api/admin/sellers/${seller.id}/approve`)
      .bearerToken(adminToken)
    approved.assertStatus(200)
    approved.assertAgainstApiSpec()
    approved.assertBodyContains({ data: { status: 'approved', review_note: null } })
    assert.include(await listedIds(client), product.id)
  })

  test('the note names every reviewed detail that changed: {note}')
    .with<{ changes: Record<string, string>; note: string }[]>([
      { changes: { business_name: 'Ravi Handlooms' }, note: 'Changed business name' },
      // A registered seller's state is its GSTIN's, so a move means leaving GST registration
      // (or a new GSTIN, below).
      { changes: { gstin: '', state: 'Maharashtra' }, note: 'Changed GSTIN and state' },
      {
        changes: { business_name: 'Ravi Handlooms', state: 'Goa', gstin: fakeGstin('30') },
        note: 'Changed business name, GSTIN and state',
      },
    ])
    .run(async ({ client, assert }, { changes, note }) => {
      const seller = await namedSeller('approved', 'Ravi Weaves')
      const saved = await saveProfile(client, seller, changes)
      saved.assertHeader('location', '/panel')
      const profile = await db.from('seller_profiles').where('user_id', seller.id).firstOrFail()
      assert.deepEqual([profile.status, profile.review_note], ['pending', note])
    })

  test('address, city and PIN code change without review; so does re-saving as it was', async ({
    client,
    assert,
  }) => {
    const seller = await namedSeller('approved', 'Ravi Weaves')
    const product = await createProduct({ title: 'Ikat Cotton Dupatta' }, seller)
    const address = { address_line1: '22 Brigade Road', city: 'Mysuru', pincode: '570001' }
    for (const changes of [
      address,
      // The same GSTIN typed in lower case is the same GSTIN.
      { ...address, gstin: seller.sellerProfile.gstin!.toLowerCase() },
    ]) {
      const saved = await saveProfile(client, seller, changes)
      saved.assertHeader('location', '/panel/seller/profile')
      saved.assertFlashMessage('success', 'Business details saved.')
    }
    const profile = await db.from('seller_profiles').where('user_id', seller.id).firstOrFail()
    assert.deepEqual(
      [profile.status, profile.review_note, profile.city],
      ['approved', null, 'Mysuru']
    )
    assert.include(await listedIds(client), product.id)
  })
})
