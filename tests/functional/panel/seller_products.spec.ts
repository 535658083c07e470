import { test } from '@japa/runner'
import { appUrl } from '#config/app'
import { storageRoot } from '#config/drive'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createSeller, tokenFor } from '#tests/helpers/users'
import { createCategory, createProduct } from '#tests/helpers/catalog'
import { ledgerSum } from '#tests/helpers/commerce'
import { placeholderPng } from '#database/demo/placeholder_image'

test.group('Panel: seller products', (group) => {
  group.each.setup(() => resetState())

  test('the list shows the seller its own products, inactive ones too, with search and pages', async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const category = await createCategory('Sarees')
    await createProduct(seller, category, { title: 'Kanjivaram Silk Saree', isActive: false })
    for (let i = 1; i <= 21; i++) {
      await createProduct(seller, category, { title: `Cotton Dupatta ${i}` })
    }
    const other = await createSeller('approved')
    await createProduct(other, category, { title: 'Someone Else Saree' })

    const first = await client.get('/panel/seller/products').withGuard('web').loginAs(seller)
    first.assertStatus(200)
    assert.include(first.text(), 'Page 1 of 2 · 22 in all')
    assert.notInclude(first.text(), 'Someone Else Saree')
    assert.include(first.text(), '?page=2')

    const found = await client
      .get('/panel/seller/products')
      .qs({ search: 'kanjivaram' })
      .withGuard('web')
      .loginAs(seller)
    assert.include(found.text(), 'Kanjivaram Silk Saree')
    assert.include(found.text(), 'inactive')
    assert.notInclude(found.text(), 'Cotton Dupatta')
  })

  test('creating a product from the form, prices in rupees', async ({ client, assert }) => {
    const seller = await createSeller('approved')
    const category = await createCategory('Kurtis')
    const response = await client
      .post('/panel/seller/products')
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({
        title: 'Indigo Dabu Print Kurti',
        description: 'Hand block printed cotton',
        price: '899.50',
        mrp: '1,299',
        stock: '15',
        category_id: String(category.id),
        gst_rate: '5',
        hsn_code: '62044990',
        is_active: '1',
      })
      .redirects(0)
    response.assertStatus(302)
    const product = await db.from('products').where('seller_id', seller.id).firstOrFail()
    response.assertHeader('location', `/panel/seller/products/${product.id}/edit`)
    assert.equal(product.price_paise, 89_950)
    assert.equal(product.mrp_paise, 129_900)
    assert.equal(product.gst_rate, 5)
    assert.equal(product.hsn_code, '62044990')
    assert.equal(product.stock, 15)
    assert.equal(await ledgerSum(product.id), 15)
  })

  test('invalid input goes back to the form with errors next to the fields', async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const category = await createCategory('Kurtis')
    const response = await client
      .post('/panel/seller/products')
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({ title: 'ab', price: 'cheap', stock: '-1', category_id: String(category.id) })
      .redirects(0)
    response.assertStatus(302)
    response.assertHasValidationError('title')
    response.assertHasValidationError('price_paise')
    response.assertHasValidationError('stock')
    response.assertValidationError('price_paise', 'The price field must be a number')
    assert.equal(
      await db
        .from('products')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )

    // A rule only the action can check (MRP below price) lands next to its field too.
    const below = await client
      .post('/panel/seller/products')
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({
        title: 'Kurti',
        description: '',
        price: '500',
        mrp: '400',
        stock: '1',
        category_id: String(category.id),
      })
      .redirects(0)
    below.assertStatus(302)
    below.assertFlashMessage('inputErrorsBag', {
      mrp_paise: ['MRP must not be below price'],
    })

    // And the form renders flashed errors under the field.
    const form = await client
      .get('/panel/seller/products/new')
      .withGuard('web')
      .loginAs(seller)
      .withFlashMessages({
        inputErrorsBag: { title: ['The title field must have at least 3 characters'] },
        title: 'ab',
      })
    assert.match(
      form.text(),
      /name="title" value="ab"[^>]*>\s*<p class="field-error" id="title-error">The title field must have at least 3 characters/
    )
  })

  test('editing, stock and activation go through the same action and ledger', async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const category = await createCategory('Kurtis')
    const product = await createProduct(seller, category, { title: 'Plain Kurti', stock: 4 })

    const edit = await client
      .get(`/panel/seller/products/${product.id}/edit`)
      .withGuard('web')
      .loginAs(seller)
    edit.assertStatus(200)
    assert.include(edit.text(), 'value="Plain Kurti"')

    const saved = await client
      .post(`/panel/seller/products/${product.id}`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({
        title: 'Printed Kurti',
        price: '450',
        mrp: '',
        stock: '4',
        expected_stock: '4',
        category_id: String(category.id),
        is_active: '1',
      })
      .redirects(0)
    saved.assertStatus(302)
    saved.assertFlashMessage('success', 'Product saved.')
    let row = await db.from('products').where('id', product.id).firstOrFail()
    assert.equal(row.title, 'Printed Kurti')
    assert.equal(row.price_paise, 45_000)
    assert.isNull(row.mrp_paise)

    await client
      .post(`/panel/seller/products/${product.id}/quick`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({ stock: '9', expected_stock: '4' })
      .redirects(0)
    await client
      .post(`/panel/seller/products/${product.id}/quick`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({ is_active: '0' })
      .redirects(0)
    row = await db.from('products').where('id', product.id).firstOrFail()
    assert.equal(row.stock, 9)
    assert.isFalse(row.is_active)
    assert.equal(await ledgerSum(product.id), 9)
  })

  test("another seller's product is not found; pending sellers and admins cannot list", async ({
    client,
  }) => {
    const owner = await createSeller('approved')
    const product = await createProduct(owner, await createCategory('Kurtis'))
    const other = await createSeller('approved')
    ;(
      await client.get(`/panel/seller/products/${product.id}/edit`).withGuard('web').loginAs(other)
    ).assertStatus(404)
    ;(
      await client
        .post(`/panel/seller/products/${product.id}/quick`)
        .withGuard('web')
        .loginAs(other)
        .withCsrfToken()
        .form({ stock: '0' })
    ).assertStatus(404)
    const pending = await createSeller('pending')
    const refused = await client
      .get('/panel/seller/products/new')
      .withGuard('web')
      .loginAs(pending)
      .redirects(0)
    refused.assertHeader('location', '/panel')
    ;(
      await client
        .get('/panel/seller/products')
        .withGuard('web')
        .loginAs(await createAdmin())
    ).assertStatus(403)
  })

  test('uploading and removing a photo', async ({ client, assert }) => {
    const seller = await createSeller('approved')
    const product = await createProduct(seller, await createCategory('Sarees'))
    const png = placeholderPng([200, 30, 60], [250, 200, 120], 32)
    const uploaded = await client
      .post(`/panel/seller/products/${product.id}/images`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .file('image', png, { filename: 'saree.png' })
      .redirects(0)
    uploaded.assertStatus(302)
    uploaded.assertFlashMessage('success', 'Photo added.')
    const image = await db.from('product_images').where('product_id', product.id).firstOrFail()
    assert.isTrue(existsSync(join(storageRoot, 'public', image.path)))

    const page = await client
      .get(`/panel/seller/products/${product.id}/edit`)
      .withGuard('web')
      .loginAs(seller)
    assert.include(page.text(), image.path)

    const notAnImage = await client
      .post(`/panel/seller/products/${product.id}/images`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .file('image', Buffer.from('just text'), { filename: 'fake.png' })
      .redirects(0)
    notAnImage.assertStatus(302)
    notAnImage.assertFlashMessage('inputErrorsBag', {
      image: ['The image must be a JPEG, PNG or WebP file (its content is checked, not its name)'],
    })

    const removed = await client
      .post(`/panel/seller/products/${product.id}/images/${image.id}/delete`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .redirects(0)
    removed.assertStatus(302)
    assert.isFalse(existsSync(join(storageRoot, 'public', image.path)))
  })

  test("a domain error on a form names the form's fields; the API keeps its own wording", async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const category = await createCategory('Kurtis')
    const product = await createProduct(seller, category, { title: 'Plain Kurti' })
    const editPage = `${appUrl}/panel/seller/products/${product.id}/edit`

    const refused = await client
      .post(`/panel/seller/products/${product.id}`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .header('referer', editPage)
      .form({ price: '900', mrp: '800' })
      .redirects(0)
    refused.assertStatus(302)
    refused.assertHeader('location', `/panel/seller/products/${product.id}/edit`)
    refused.assertFlashMessage('inputErrorsBag', { mrp_paise: ['MRP must not be below price'] })

    // Shown under the MRP field of the refilled form.
    const form = await client
      .get(`/panel/seller/products/${product.id}/edit`)
      .withGuard('web')
      .loginAs(seller)
      .withFlashMessages({
        inputErrorsBag: { mrp_paise: ['MRP must not be below price'] },
        mrp: '800',
      })
    assert.include(
      form.text(),
      '<p class="field-error" id="mrp_paise-error">MRP must not be below price</p>'
    )
    assert.notInclude(form.text(), 'price_paise must')

    // The admin's product form goes through the same error handling.
    const admin = await createAdmin()
    const category2 = await createCategory('Sarees')
    const moved = await client
      .post(`/panel/admin/products/${product.id}`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({ price: '100', mrp: '99', category_id: String(category2.id) })
      .redirects(0)
    moved.assertFlashMessage('inputErrorsBag', { mrp_paise: ['MRP must not be below price'] })

    const api = await client
      .patch(`/api/products/${product.id}`)
      .bearerToken(await tokenFor(seller))
      .json({ price_paise: 90_000, mrp_paise: 80_000 })
    api.assertStatus(422)
    api.assertAgainstApiSpec()
    assert.equal(api.body().errors[0].message, 'mrp_paise must not be below price_paise')
    assert.equal(api.body().errors[0].field, 'mrp_paise')
  })
})
