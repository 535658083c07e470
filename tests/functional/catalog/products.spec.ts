import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Product from '#models/product'
import { resetState, countRows } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import {
  ACTORS,
  createCategory,
  createPaidOrder,
  createProduct,
  tokensFor,
} from '#tests/helpers/catalog'

async function ledgerSum(productId: number) {
  const [row] = await db
    .from('stock_movements')
    .where('product_id', productId)
    .sum('delta as total')
  return Number(row.total ?? 0)
}

test.group('Products / storefront', (group) => {
  group.each.setup(() => resetState())

  test('lists only active products of approved sellers, newest first', async ({
    client,
    assert,
  }) => {
    const sarees = await createCategory('Sarees')
    const seller = await createSeller('approved')
    const pending = await createSeller('pending')
    const older = await createProduct(seller, sarees, { title: 'Older Saree' })
    await db
      .from('products')
      .where('id', older.id)
      .update({ created_at: new Date(Date.now() - 60_000) })
    const newer = await createProduct(seller, sarees, { title: 'Newer Saree' })
    await createProduct(seller, sarees, { title: 'Hidden Saree', isActive: false })
    await createProduct(pending, sarees, { title: 'Pending Saree' })

    const response = await client.get('/api/products')
    response.assertStatus(200)
    response.assertAgainstApiSpec()
    const body = response.body()
    assert.deepEqual(
      body.data.map((p: { id: number }) => p.id),
      [newer.id, older.id]
    )
    assert.deepEqual(body.meta, {
      total: 2,
      per_page: 20,
      current_page: 1,
      last_page: 1,
      total_is_estimate: false,
    })
    assert.deepInclude(body.data[0], {
      title: 'Newer Saree',
      in_stock: true,
      category: { id: sarees.id, name: 'Sarees', slug: 'sarees' },
      seller: { id: seller.id, business_name: seller.sellerProfile.businessName },
      image_url: null,
    })
  })

  test('approving or rejecting a seller shows or hides its products', async ({
    client,
    assert,
  }) => {
    const category = await createCategory('Kurtis')
    const seller = await createSeller('pending')
    await createProduct(seller, category)
    const admin = await tokenFor(await createAdmin())

    assert.lengthOf((await client.get('/api/products')).body().data, 0)
    await client.post(`/api/admin/sellers/${seller.id}/approve`).bearerToken(admin)
    assert.lengthOf((await client.get('/api/products')).body().data, 1)
    const listed = await client.get('/api/categories/kurtis')
    assert.equal(listed.body().data.product_count, 1)

    await client.post(`/api/admin/sellers/${seller.id}/reject`).bearerToken(admin)
    assert.lengthOf((await client.get('/api/products')).body().data, 0)
    assert.equal((await client.get('/api/categories/kurtis')).body().data.product_count, 0)
  })

  test('a product opens by id and by slug with its images and tax rate', async ({
    client,
    assert,
  }) => {
    const category = await createCategory('Sarees')
    const seller = await createSeller('approved')
    const product = await createProduct(seller, category, { title: 'Red Cotton Saree' })
    await db.table('product_images').insert([
      {
        product_id: product.id,
        path: 'products/x/b.png',
        position: 1,
        created_at: new Date(),
        updated_at: new Date(),
      },
      {
        product_id: product.id,
        path: 'products/x/a.png',
        position: 0,
        created_at: new Date(),
        updated_at: new Date(),
      },
    ])

    for (const ref of [product.id, product.slug, `${product.slug}/`]) {
      const response = await client.get(`/api/products/${ref}`)
      response.assertStatus(200)
      response.assertAgainstApiSpec()
      const data = response.body().data
      assert.equal(data.id, product.id)
      assert.equal(data.gst_rate, product.gstRate)
      assert.deepEqual(
        data.images.map((i: { position: number }) => i.position),
        [0, 1]
      )
      assert.match(data.images[0].url, /\/uploads\/products\/x\/a\.png$/)
      assert.equal(data.image_url, data.images[0].url)
    }
  })

  test('a hidden product is 404 to the public, visible to its seller and admins', async ({
    client,
  }) => {
    const category = await createCategory('Sarees')
    const seller = await createSeller('approved')
    const product = await createProduct(seller, category, { isActive: false })
    const tokens = await tokensFor(seller)

    const expected = {
      'anonymous': 404,
      'customer': 404,
      'owning seller': 200,
      'other seller': 404,
      'pending seller': 404,
      'admin': 200,
    } as const
    for (const actor of ACTORS) {
      const request = client.get(`/api/products/${product.slug}`)
      if (tokens[actor]) request.bearerToken(tokens[actor]!)
      const response = await request
      response.assertStatus(expected[actor])
      response.assertAgainstApiSpec()
    }
  })

  test('a bad token on a product page counts as no token, never as a 401', async ({ client }) => {
    const seller = await createSeller('approved')
    const category = await createCategory('Sarees')
    const visible = await createProduct(seller, category)
    const hidden = await createProduct(seller, category, { isActive: false })
    for (const token of ['garbage', 'mkt_MQ.forged']) {
      const shown = await client.get(`/api/products/${visible.slug}`).bearerToken(token)
      shown.assertStatus(200)
      shown.assertAgainstApiSpec()
      ;(await client.get(`/api/products/${hidden.slug}`).bearerToken(token)).assertStatus(404)
      ;(await client.get(`/api/products/${visible.id}/reviews`).bearerToken(token)).assertStatus(
        200
      )
    }
  })

  test('a disabled seller sees its own hidden product as the public does', async ({ client }) => {
    const seller = await createSeller('approved')
    const hidden = await createProduct(seller, await createCategory('Sarees'), { isActive: false })
    const token = await tokenFor(seller)
    ;(await client.get(`/api/products/${hidden.slug}`).bearerToken(token)).assertStatus(200)

    // Disabled behind the API's back: the token row is still there.
    seller.isActive = false
    await seller.save()
    ;(await client.get(`/api/products/${hidden.slug}`).bearerToken(token)).assertStatus(404)
    ;(await client.get(`/api/products/${hidden.id}/reviews`).bearerToken(token)).assertStatus(404)
  })

  test('unknown products are 404 whatever the reference looks like', async ({ client }) => {
    for (const ref of ['999999', 'no-such-product', '99999999999999999999', 'bad%20slug']) {
      const response = await client.get(`/api/products/${ref}`)
      response.assertStatus(404)
    }
  })
})

test.group('Products / writes', (group) => {
  group.each.setup(() => resetState())

  test('an approved seller lists a product; its opening stock is in the ledger', async ({
    client,
    assert,
  }) => {
    const category = await createCategory('Sarees')
    category.gstRate = 5
    await category.save()
    const seller = await createSeller('approved')

    const response = await client
      .post('/api/products')
      .bearerToken(await tokenFor(seller))
      .json({
        title: 'Kanjivaram Silk Saree',
        description: 'Pure silk with zari border',
        price_paise: 249900,
        mrp_paise: 399900,
        stock: 12,
        category_id: category.id,
      })
    response.assertStatus(201)
    response.assertAgainstApiSpec()
    const data = response.body().data
    assert.equal(data.slug, 'kanjivaram-silk-saree')
    assert.equal(data.gst_rate, 5)
    assert.equal(data.seller.id, seller.id)

    const movements = await db.from('stock_movements').where('product_id', data.id)
    assert.lengthOf(movements, 1)
    assert.deepInclude(movements[0], {
      delta: 12,
      reason: 'initial',
      reference_type: 'product',
      stock_after: 12,
    })

    // Same title again: a different, still readable slug.
    const again = await client
      .post('/api/products')
      .bearerToken(await tokenFor(seller))
      .json({
        title: 'Kanjivaram Silk Saree',
        description: '',
        price_paise: 100,
        stock: 0,
        category_id: category.id,
      })
    again.assertStatus(201)
    assert.match(again.body().data.slug, /^kanjivaram-silk-saree-[a-z0-9]{6}$/)

    // And it shows up in the storefront.
    const list = await client.get('/api/products')
    assert.lengthOf(list.body().data, 2)
  })

  test('invalid products are refused with 422, never 500', async ({ client }) => {
    const category = await createCategory('Sarees')
    const token = await tokenFor(await createSeller('approved'))
    const valid = {
      title: 'Saree',
      description: 'x',
      price_paise: 1000,
      stock: 1,
      category_id: category.id,
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, mrp_paise: 500 }, 'mrp_paise'],
      [{ ...valid, category_id: 999999 }, 'category_id'],
      [{ ...valid, price_paise: 10.5 }, 'price_paise'],
      [{ ...valid, price_paise: 0 }, 'price_paise'],
      [{ ...valid, price_paise: 99999999999 }, 'price_paise'],
      [{ ...valid, stock: -1 }, 'stock'],
      [{ ...valid, gst_rate: 7 }, 'gst_rate'],
      [{ ...valid, title: '' }, 'title'],
    ]
    for (const [body, field] of cases) {
      const response = await client.post('/api/products').bearerToken(token).json(body)
      response.assertStatus(422)
      response.assertAgainstApiSpec()
      response.assertBodyContains({ errors: [{ field }] })
    }
  })

  test('{actor} creating a product gets {status}')
    .with([
      { actor: 'anonymous', status: 401 },
      { actor: 'customer', status: 403 },
      { actor: 'pending seller', status: 403 },
      { actor: 'admin', status: 403 },
      { actor: 'other seller', status: 201 },
    ] as const)
    .run(async ({ client, assert }, { actor, status }) => {
      const category = await createCategory('Sarees')
      const tokens = await tokensFor(await createSeller('approved'))
      const request = client.post('/api/products').json({
        title: 'Chanderi Kurti',
        description: 'Cotton silk',
        price_paise: 59900,
        stock: 3,
        category_id: category.id,
      })
      if (tokens[actor]) request.bearerToken(tokens[actor]!)
      const response = await request
      response.assertStatus(status)
      response.assertAgainstApiSpec()
      assert.equal(await countRows('products'), status === 201 ? 1 : 0)
    })

  test('{actor} editing a product gets {status}')
    .with([
      { actor: 'anonymous', status: 401 },
      { actor: 'customer', status: 403 },
      { actor: 'owning seller', status: 200 },
      { actor: 'other seller', status: 404 },
      { actor: 'pending seller', status: 404 },
      { actor: 'admin', status: 200 },
    ] as const)
    .run(async ({ client, assert }, { actor, status }) => {
      const category = await createCategory('Sarees')
      const owner = await createSeller('approved')
      const product = await createProduct(owner, category, { pricePaise: 50000, mrpPaise: 60000 })
      const tokens = await tokensFor(owner)
      const request = client.patch(`/api/products/${product.id}`).json({ price_paise: 45000 })
      if (tokens[actor]) request.bearerToken(tokens[actor]!)
      const response = await request
      response.assertStatus(status)
      response.assertAgainstApiSpec()
      await product.refresh()
      assert.equal(product.pricePaise, status === 200 ? 45000 : 50000)
    })

  test('{actor} deleting a product gets {status}')
    .with([
      { actor: 'anonymous', status: 401 },
      { actor: 'customer', status: 403 },
      { actor: 'owning seller', status: 204 },
      { actor: 'other seller', status: 404 },
      { actor: 'pending seller', status: 404 },
      { actor: 'admin', status: 204 },
    ] as const)
    .run(async ({ client, assert }, { actor, status }) => {
      const category = await createCategory('Sarees')
      const owner = await createSeller('approved')
      const product = await createProduct(owner, category)
      const tokens = await tokensFor(owner)
      const request = client.delete(`/api/products/${product.slug}`)
      if (tokens[actor]) request.bearerToken(tokens[actor]!)
      const response = await request
      response.assertStatus(status)
      assert.equal(await countRows('products'), status === 204 ? 0 : 1)
    })

  test('a seller whose approval was withdrawn can no longer edit its products', async ({
    client,
  }) => {
    const category = await createCategory('Sarees')
    const seller = await createSeller('approved')
    const product = await createProduct(seller, category)
    seller.sellerProfile.status = 'rejected'
    await seller.sellerProfile.save()
    const response = await client
      .put(`/api/products/${product.id}`)
      .bearerToken(await tokenFor(seller))
      .json({ title: 'New title' })
    response.assertStatus(403)
  })

  test('stock edits are adjustments in the ledger, which sums to the stock', async ({
    client,
    assert,
  }) => {
    const category = await createCategory('Sarees')
    const seller = await createSeller('approved')
    const token = await tokenFor(seller)
    const created = await client.post('/api/products').bearerToken(token).json({
      title: 'Bandhani Dupatta',
      description: 'Georgette',
      price_paise: 29900,
      stock: 10,
      category_id: category.id,
    })
    const id = created.body().data.id
    let read = 10
    for (const stock of [4, 4, 25, 0]) {
      const response = await client
        .patch(`/api/products/${id}`)
        .bearerToken(token)
        .json({ stock, expected_stock: read })
      read = stock
      response.assertStatus(200)
      assert.equal(response.body().data.stock, stock)
      assert.equal(response.body().data.in_stock, stock > 0)
    }
    const reasons = await db
      .from('stock_movements')
      .where('product_id', id)
      .orderBy('id')
      .select('reason', 'delta')
    assert.deepEqual(
      reasons.map((r) => [r.reason, r.delta]),
      [
        ['initial', 10],
        ['adjustment', -6],
        ['adjustment', 21],
        ['adjustment', -25],
      ]
    )
    assert.equal(await ledgerSum(id), 0)
  })

  test('an edit that would put the MRP below the price is a 422', async ({ client }) => {
    const category = await createCategory('Sarees')
    const seller = await createSeller('approved')
    const product = await createProduct(seller, category, { pricePaise: 50000, mrpPaise: 60000 })
    const response = await client
      .patch(`/api/products/${product.id}`)
      .bearerToken(await tokenFor(seller))
      .json({ price_paise: 70000 })
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ field: 'mrp_paise' }] })
  })

  test('deactivating hides a product from the storefront but not from its seller', async ({
    client,
    assert,
  }) => {
    const category = await createCategory('Sarees')
    const seller = await createSeller('approved')
    const product = await createProduct(seller, category)
    const token = await tokenFor(seller)
    await client.patch(`/api/products/${product.id}`).bearerToken(token).json({ is_active: false })
    assert.lengthOf((await client.get('/api/products')).body().data, 0)
    const own = await client.get('/api/seller/products').bearerToken(token)
    own.assertStatus(200)
    own.assertAgainstApiSpec()
    assert.deepEqual(
      own.body().data.map((p: { id: number; is_active: boolean }) => [p.id, p.is_active]),
      [[product.id, false]]
    )
  })

  test('a product that was ordered is deactivated, not deleted', async ({ client, assert }) => {
    const category = await createCategory('Sarees')
    const seller = await createSeller('approved')
    const product = await createProduct(seller, category)
    await createPaidOrder(await createCustomer(), product)
    const response = await client
      .delete(`/api/products/${product.id}`)
      .bearerToken(await tokenFor(seller))
    response.assertStatus(204)
    const row = await Product.findOrFail(product.id)
    assert.isFalse(row.isActive)
    assert.equal(await countRows('order_items'), 1)
  })

  test('a product takes an HSN code (4–8 digits), else shows its category’s', async ({
    client,
    assert,
  }) => {
    const token = await tokenFor(await createAdmin())
    const category = await client
      .post('/api/categories')
      .bearerToken(token)
      .json({ name: 'Kurtis', hsn_code: '6204' })
    category.assertStatus(201)
    category.assertAgainstApiSpec()
    assert.equal(category.body().data.hsn_code, '6204')
    const badCategory = await client
      .post('/api/categories')
      .bearerToken(token)
      .json({ name: 'Tops', hsn_code: '62' })
    badCategory.assertStatus(422)
    badCategory.assertBodyContains({ errors: [{ field: 'hsn_code', rule: 'regex' }] })

    const seller = await tokenFor(await createSeller('approved'))
    const body = {
      title: 'Anarkali Kurti',
      description: '',
      price_paise: 59_900,
      stock: 3,
      category_id: category.body().data.id,
    }
    for (const hsn of ['62A4', '123456789', '12 34']) {
      const bad = await client
        .post('/api/products')
        .bearerToken(seller)
        .json({ ...body, hsn_code: hsn })
      bad.assertStatus(422)
      bad.assertAgainstApiSpec()
      bad.assertBodyContains({ errors: [{ field: 'hsn_code' }] })
    }
    const inherited = await client.post('/api/products').bearerToken(seller).json(body)
    inherited.assertStatus(201)
    inherited.assertAgainstApiSpec()
    assert.equal(inherited.body().data.hsn_code, '6204')

    const own = await client
      .patch(`/api/products/${inherited.body().data.id}`)
      .bearerToken(seller)
      .json({ hsn_code: '62044990' })
    own.assertStatus(200)
    own.assertAgainstApiSpec()
    assert.equal(own.body().data.hsn_code, '62044990')
    const product = await Product.findOrFail(inherited.body().data.id)
    assert.equal(product.hsnCode, '62044990')
  })
})

test.group('Seller / products', (group) => {
  group.each.setup(() => resetState())

  test('a seller sees only its own products, with the storefront filters', async ({
    client,
    assert,
  }) => {
    const category = await createCategory('Sarees')
    const seller = await createSeller('approved')
    const mine = await createProduct(seller, category, {
      title: 'Mine Cheap',
      pricePaise: 10000,
      mrpPaise: null,
    })
    await createProduct(seller, category, { title: 'Mine Dear', pricePaise: 90000, mrpPaise: null })
    await createProduct(await createSeller('approved'), category, { title: 'Theirs' })
    const response = await client
      .get('/api/seller/products')
      .qs({ max_price: 20000 })
      .bearerToken(await tokenFor(seller))
    response.assertStatus(200)
    response.assertAgainstApiSpec()
    assert.deepEqual(
      response.body().data.map((p: { id: number }) => p.id),
      [mine.id]
    )
  })

  test('{actor} gets {status} on the seller list')
    .with([
      { actor: 'anonymous', status: 401 },
      { actor: 'customer', status: 403 },
      { actor: 'pending seller', status: 403 },
      { actor: 'admin', status: 403 },
    ] as const)
    .run(async ({ client }, { actor, status }) => {
      const tokens = await tokensFor(await createSeller('approved'))
      const request = client.get('/api/seller/products')
      if (tokens[actor]) request.bearerToken(tokens[actor]!)
      const response = await request
      response.assertStatus(status)
      response.assertAgainstApiSpec()
    })
})
