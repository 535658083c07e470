import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState, countRows } from '#tests/helpers/database'
import { createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { fakeGstin } from '#database/factories/user_factory'

const PUNE = { line1: '14 MG Road', city: 'Pune', state: 'Maharashtra', pincode: '411001' }

test.group('Seller profile API', (group) => {
  group.each.setup(() => resetState())

  test('a seller reads and edits its business details; the PAN comes from the GSTIN', async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const token = await tokenFor(seller)

    const shown = await client.get('/api/seller/profile').bearerToken(token)
    shown.assertStatus(200)
    shown.assertAgainstApiSpec()
    assert.equal(shown.body().data.business_name, seller.sellerProfile.businessName)

    const gstin = fakeGstin('27')
    const saved = await client
      .patch('/api/seller/profile')
      .bearerToken(token)
      .json({ business_name: 'Ravi Textiles', gstin: gstin.toLowerCase(), address: PUNE })
    saved.assertStatus(200)
    saved.assertAgainstApiSpec()
    assert.deepInclude(saved.body().data, {
      business_name: 'Ravi Textiles',
      gstin,
      pan: gstin.slice(2, 12),
    })
    assert.deepEqual(saved.body().data.address, { ...PUNE, line2: null })
    // A new name, GSTIN and state need an admin's review again, through this door too.
    assert.equal(saved.body().data.status, 'pending')

    // What is left out stays.
    const renamed = await client
      .patch('/api/seller/profile')
      .bearerToken(token)
      .json({ business_name: 'Ravi Handlooms' })
    renamed.assertStatus(200)
    assert.equal(renamed.body().data.address.city, 'Pune')
    assert.equal(renamed.body().data.gstin, gstin)
  })

  test("an address outside the GSTIN's state is refused on the field, and nothing changes", async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const before = await db.from('seller_profiles').where('user_id', seller.id).firstOrFail()
    const response = await client
      .patch('/api/seller/profile')
      .bearerToken(await tokenFor(seller))
      .json({ gstin: fakeGstin('29'), address: PUNE })
    response.assertStatus(422)
    response.assertAgainstApiSpec()
    assert.equal(response.body().errors[0].field, 'address.state')
    assert.match(response.body().errors[0].message, /registered in Karnataka/)
    const after = await db.from('seller_profiles').where('user_id', seller.id).firstOrFail()
    assert.equal(after.gstin, before.gstin)
    assert.equal(after.state, before.state)
  })

  test('a PAN must be well formed, and the one inside the GSTIN when there is one', async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const token = await tokenFor(seller)

    const other = await client
      .patch('/api/seller/profile')
      .bearerToken(token)
      .json({ gstin: fakeGstin('27'), pan: 'ZZZZZ9999Z', address: PUNE })
    other.assertStatus(422)
    assert.equal(other.body().errors[0].field, 'pan')

    const malformed = await client
      .patch('/api/seller/profile')
      .bearerToken(token)
      .json({ gstin: null, pan: 'ABC123' })
    malformed.assertStatus(422)
    assert.equal(malformed.body().errors[0].field, 'pan')

    // Without a GSTIN the seller enters its PAN (tax withholding depends on it).
    const unregistered = await client
      .patch('/api/seller/profile')
      .bearerToken(token)
      .json({ gstin: null, pan: 'abcpe1234f', address: PUNE })
    unregistered.assertStatus(200)
    assert.equal(unregistered.body().data.pan, 'ABCPE1234F')
    assert.isNull(unregistered.body().data.gstin)
  })

  test('only sellers have a business profile', async ({ client }) => {
    const customer = await client
      .get('/api/seller/profile')
      .bearerToken(await tokenFor(await createCustomer()))
    customer.assertStatus(403)
    customer.assertAgainstApiSpec()
    const anonymous = await client.patch('/api/seller/profile').json({ business_name: 'X Co' })
    anonymous.assertStatus(401)
  })

  test('registration takes the same address and applies the same rules', async ({
    client,
    assert,
  }) => {
    const gstin = fakeGstin('27')
    const registered = await client.post('/api/auth/register').json({
      email: 'ravi@example.com',
      password: 'handloom-2026',
      full_name: 'Ravi',
      role: 'seller',
      business_name: 'Ravi Textiles',
      gstin,
      address: PUNE,
    })
    registered.assertStatus(201)
    registered.assertAgainstApiSpec()
    const profile = await db.from('seller_profiles').firstOrFail()
    assert.include(profile, { city: 'Pune', state: 'Maharashtra', pan: gstin.slice(2, 12) })

    const mismatched = await client.post('/api/auth/register').json({
      email: 'asha@example.com',
      password: 'handloom-2026',
      full_name: 'Asha',
      role: 'seller',
      business_name: 'Asha Sarees',
      gstin: fakeGstin('29'),
      address: PUNE,
    })
    mismatched.assertStatus(422)
    assert.equal(mismatched.body().errors[0].field, 'address.state')
    assert.equal(await countRows('users'), 1)
  })
})

test.group('Seller profile in the panel', (group) => {
  group.each.setup(() => resetState())

  test("the form refuses a state other than the GSTIN's, next to the state field", async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const response = await client
      .post('/panel/seller/profile')
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({
        business_name: 'Ravi Textiles',
        gstin: fakeGstin('29'),
        address_line1: PUNE.line1,
        address_line2: '',
        city: PUNE.city,
        state: PUNE.state,
        pincode: PUNE.pincode,
      })
      .redirects(0)
    response.assertStatus(302)
    const bag = response.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.match(bag.state[0], /registered in Karnataka/)
    const profile = await db.from('seller_profiles').where('user_id', seller.id).firstOrFail()
    assert.equal(profile.state, 'Karnataka')
  })
})
