import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createSeller } from '#tests/helpers/users'
import { createCategory, createProduct } from '#tests/helpers/catalog'
import { ledgerSum } from '#tests/helpers/commerce'
import { placeholderPng } from '#database/demo/placeholder_image'

function nameBusiness(seller: User, name: string) {
  return db.from('seller_profiles').where('user_id', seller.id).update({ business_name: name })
}

test.group('Panel: admin products', (group) => {
  group.each.setup(() => resetState())

  test("the list shows every seller's products, hidden ones too, with search and pages", async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
    const category = await createCategory('Sarees')
    const first = await createSeller('approved')
    const second = await createSeller('approved')
    await nameBusiness(first, 'Jaipur Prints')
    await nameBusiness(second, 'Surat Weaves')
    await createProduct(first, category, { title: 'Kanjivaram Silk Saree', isActive: false })
    for (let i = 1; i <= 20; i++) {
      await createProduct(i % 2 ? first : second, category, { title: `Cotton Dupatta ${i}` })
    }

    const page = await client.get('/panel/admin/products').withGuard('web').loginAs(admin)
    page.assertStatus(200)
    assert.include(page.text(), 'href="/panel/admin/products">Products</a>')
    assert.include(page.text(), 'Page 1 of 2 · 21 in all')
    assert.include(page.text(), '?page=2')
    assert.include(page.text(), '<td>Jaipur Prints</td>')
    assert.include(page.text(), '<td>Surat Weaves</td>')
    assert.notInclude(page.text(), 'Add a product')

    const found = await client
      .get('/panel/admin/products')
      .qs({ search: 'kanjivaram' })
      .withGuard('web')
      .loginAs(admin)
    assert.include(found.text(), 'Kanjivaram Silk Saree')
    assert.include(found.text(), 'inactive')
    assert.notInclude(found.text(), 'Cotton Dupatta')
    assert.match(found.text(), /href="\/panel\/admin\/products\/\d+\/edit">Kanjivaram Silk Saree/)
  })

  test("an admin edits a seller's product with the seller's form and actions", async ({
    client,
    assert,
  }) => {
    const admin = await createAdmin()
    const seller = await createSeller('approved')
    const category = await createCategory('Kurtis')
    await nameBusiness(seller, 'Lucknow Chikan')
    const product = await createProduct(seller, category, { title: 'Plain Kurti', stock: 4 })

    const edit = await client
      .get(`/panel/admin/products/${product.id}/edit`)
      .withGuard('web')
      .loginAs(admin)
    edit.assertStatus(200)
    assert.include(edit.text(), 'value="Plain Kurti"')
    assert.include(edit.text(), `action="/panel/admin/products/${product.id}"`)
    assert.include(edit.text(), `action="/panel/admin/products/${product.id}/images"`)
    assert.include(edit.text(), 'Listed by Lucknow Chikan')

    const saved = await client
      .post(`/panel/admin/products/${product.id}`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({
        title: 'Printed Kurti',
        price: '450',
        mrp: '',
        stock: '6',
        expected_stock: '4',
        category_id: String(category.id),
        is_active: '0',
      })
      .redirects(0)
    saved.assertStatus(302)
    saved.assertHeader('location', `/panel/admin/products/${product.id}/edit`)
    saved.assertFlashMessage('success', 'Product saved.')
    const row = await db.from('products').where('id', product.id).firstOrFail()
    assert.equal(row.title, 'Printed Kurti')
    assert.equal(row.price_paise, 45_000)
    assert.equal(row.stock, 6)
    assert.isFalse(row.is_active)
    assert.equal(row.seller_id, seller.id)
    // Stock changes go through the ledger, as for the seller.
    assert.equal(await ledgerSum(product.id), 6)

    const quick = await client
      .post(`/panel/admin/products/${product.id}/quick`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .form({ is_active: '1' })
      .redirects(0)
    quick.assertHeader('location', '/panel/admin/products')
    quick.assertFlashMessage('success', 'Printed Kurti is now active.')

    const uploaded = await client
      .post(`/panel/admin/products/${product.id}/images`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .file('image', placeholderPng([20, 30, 60], [250, 200, 120], 32), { filename: 'k.png' })
      .redirects(0)
    uploaded.assertHeader('location', `/panel/admin/products/${product.id}/edit`)
    const image = await db.from('product_images').where('product_id', product.id).firstOrFail()
    const removed = await client
      .post(`/panel/admin/products/${product.id}/images/${image.id}/delete`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    removed.assertFlashMessage('success', 'Photo removed.')

    // The validators are the seller's: invalid input comes back to the admin's form.
    const invalid = await client
      .post(`/panel/admin/products/${product.id}`)
      .withGuard('web')
      .loginAs(admin)
      .withCsrfToken()
      .header('referer', `http://127.0.0.1/panel/admin/products/${product.id}/edit`)
      .form({ title: 'ab' })
      .redirects(0)
    invalid.assertStatus(302)
    invalid.assertFlashMessage('inputErrorsBag', {
      title: ['The title field must have at least 3 characters'],
    })
  })

  test('sellers cannot reach the admin product pages and still see only their own', async ({
    client,
    assert,
  }) => {
    const owner = await createSeller('approved')
    const other = await createSeller('approved')
    const category = await createCategory('Kurtis')
    const product = await createProduct(owner, category, { title: 'Owner Kurti' })
    await createProduct(other, category, { title: 'Other Kurti' })

    ;(await client.get('/panel/admin/products').withGuard('web').loginAs(owner)).assertStatus(403)
    ;(
      await client.get(`/panel/admin/products/${product.id}/edit`).withGuard('web').loginAs(owner)
    ).assertStatus(403)
    ;(
      await client
        .post(`/panel/admin/products/${product.id}`)
        .withGuard('web')
        .loginAs(owner)
        .withCsrfToken()
        .form({ title: 'Taken over' })
    ).assertStatus(403)
    ;(
      await client.get(`/panel/seller/products/${product.id}/edit`).withGuard('web').loginAs(other)
    ).assertStatus(404)

    const own = await client.get('/panel/seller/products').withGuard('web').loginAs(owner)
    assert.include(own.text(), 'Owner Kurti')
    assert.notInclude(own.text(), 'Other Kurti')
    assert.notInclude(own.text(), '<th>Seller</th>')
    assert.notInclude(own.text(), 'href="/panel/admin/products"')
    assert.equal(
      (await db.from('products').where('id', product.id).firstOrFail()).title,
      'Owner Kurti'
    )
  })
})
