import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createSeller } from '#tests/helpers/users'
import { createCategory } from '#tests/helpers/catalog'
import { namedSeller } from '#tests/helpers/panel'

test.group('Panel: categories and seller profile', (group) => {
  group.each.setup(() => resetState())

  test('an admin sees the tree, creates, edits and deletes categories', async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
    const women = await createCategory('Women')
    await createCategory('Sarees', women)

    const tree = await client.get('/panel/admin/categories').withGuard('web').loginAs(admin)
    tree.assertStatus(200)
    assert.include(tree.text(), 'Women › Sarees')

    const created = await client
      .post('/panel/admin/categories')
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({
        name: 'Kurtis',
        parent_id: String(women.id),
        gst_rate: '5',
        hsn_code: '6204',
        description: '',
      })
      .redirects(0)
    created.assertStatus(302)
    created.assertFlashMessage('success', 'Category Kurtis created.')
    const kurtis = await db.from('categories').where('name', 'Kurtis').firstOrFail()
    assert.equal(kurtis.parent_id, women.id)
    assert.equal(kurtis.gst_rate, 5)
    assert.equal(kurtis.hsn_code, '6204')

    const updated = await client
      .post(`/panel/admin/categories/${kurtis.id}`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({
        name: 'Kurtis & Kurtas',
        slug: 'kurtis-kurtas',
        parent_id: '',
        gst_rate: '12',
        position: '2',
      })
      .redirects(0)
    updated.assertStatus(302)
    const saved = await db.from('categories').where('id', kurtis.id).firstOrFail()
    assert.equal(saved.slug, 'kurtis-kurtas')
    assert.isNull(saved.parent_id)
    assert.equal(saved.gst_rate, 12)
    // The edit form posts no code here: the category's code is cleared, like its description.
    assert.isNull(saved.hsn_code)

    // Moving Women under its own subcategory is refused next to the field.
    const sarees = await db.from('categories').where('name', 'Sarees').firstOrFail()
    const cycle = await client
      .post(`/panel/admin/categories/${women.id}`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({ name: 'Women', parent_id: String(sarees.id) })
      .redirects(0)
    cycle.assertStatus(302)
    cycle.assertFlashMessage('inputErrorsBag', {
      parent_id: ['A category cannot be moved under itself or one of its subcategories'],
    })

    // A category with subcategories cannot go; a leaf can.
    const refused = await client
      .post(`/panel/admin/categories/${women.id}/delete`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage(
      'error',
      'This category has subcategories; move or delete them first'
    )
    const deleted = await client
      .post(`/panel/admin/categories/${kurtis.id}/delete`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    deleted.assertFlashMessage('success', 'Category Kurtis & Kurtas deleted.')
    assert.isNull(await db.from('categories').where('id', kurtis.id).first())
  })

  test('sellers cannot manage categories from the admin area', async ({ client, assert }) => {
    const seller = await createSeller('approved')
    const category = await createCategory('Sarees')
    ;(await client.get('/panel/admin/categories').withGuard('web').loginAs(seller)).assertStatus(
      403
    )
    ;(
      await client
        .post(`/panel/admin/categories/${category.id}/delete`)
        .withGuard('web')
        .loginAs(seller)
        .withCsrfToken()
    ).assertStatus(403)
    assert.isNotNull(await db.from('categories').where('id', category.id).first())
  })

  test('a seller edits its business profile; a bad GSTIN is shown next to the field', async ({
    client,
    assert,
  }) => {
    const seller = await namedSeller('approved', 'Ravi Weaves')
    const page = await client.get('/panel/seller/profile').withGuard('web').loginAs(seller)
    page.assertStatus(200)
    assert.include(page.text(), seller.sellerProfile.businessName)

    const saved = await client
      .post('/panel/seller/profile')
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({
        business_name: 'Ravi Textiles',
        gstin: '27aapfu0939f1zv',
        address_line1: '14 MG Road',
        address_line2: '',
        city: 'Pune',
        state: 'Maharashtra',
        pincode: '411001',
      })
      .redirects(0)
    saved.assertStatus(302)
    const profile = await db.from('seller_profiles').where('user_id', seller.id).firstOrFail()
    assert.equal(profile.business_name, 'Ravi Textiles')
    assert.equal(profile.gstin, '27AAPFU0939F1ZV')
    assert.equal(profile.state, 'Maharashtra')
    // A new name, GSTIN and state need a new review (tests/functional/panel/seller_review.spec.ts).
    assert.equal(profile.status, 'pending')

    const other = await createSeller('approved')
    const taken = await client
      .post('/panel/seller/profile')
      .withGuard('web')
      .loginAs(other)
      .withCsrfToken()
      .form({ business_name: 'Copycat', gstin: '27AAPFU0939F1ZV' })
      .redirects(0)
    taken.assertStatus(302)
    taken.assertHasValidationError('gstin')
    const typo = await client
      .post('/panel/seller/profile')
      .withGuard('web')
      .loginAs(other)
      .withCsrfToken()
      .form({ business_name: 'Copycat', gstin: '27AAPFU0939F1ZW', pincode: '01234' })
      .redirects(0)
    typo.assertHasValidationError('gstin')
    typo.assertHasValidationError('pincode')
  })
})
