import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { applyStockChanges } from '#services/inventory/stock'
import { resetState } from '#tests/helpers/database'
import { createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { createCategory } from '#tests/helpers/catalog'
import { ADDRESS, createProduct, ledgerSum, putInCart, stockOf } from '#tests/helpers/commerce'

async function sellersProduct(stock: number) {
  const seller = await createSeller('approved')
  const product = await createProduct({ stock, title: 'Mirror Work Kurti' }, seller)
  return { seller, product, token: await tokenFor(seller) }
}

/** Units sold behind the editor's back, through the ledger as checkout does. */
function sell(productId: number, units: number) {
  return db.transaction((trx) =>
    applyStockChanges(trx, [
      {
        productId,
        delta: -units,
        reason: 'order_reserved',
        referenceType: 'order',
        referenceId: 1,
      },
    ])
  )
}

/** Units of the product in orders (each order reserved its stock through the ledger). */
async function unitsOrdered(productId: number) {
  const row = await db
    .from('order_items')
    .where('product_id', productId)
    .sum('quantity as total')
    .first()
  return Number(row?.total ?? 0)
}

test.group('Stock edits / API', (group) => {
  group.each.setup(() => resetState())

  test('a stock edit made against a stale value is a 409 naming the current stock, and changes nothing', async ({
    client,
    assert,
  }) => {
    const { product, token } = await sellersProduct(10)
    // Two units sell after the seller read 10.
    await sell(product.id, 2)

    const stale = await client
      .patch(`/api/products/${product.id}`)
      .bearerToken(token)
      .json({ title: 'Mirror Work Kurti (new)', stock: 15, expected_stock: 10 })
    stale.assertStatus(409)
    stale.assertAgainstApiSpec()
    stale.assertBodyContains({ errors: [{ code: 'E_STOCK_CHANGED', field: 'expected_stock' }] })
    assert.include(stale.body().errors[0].message, 'it is now 8, not 10')
    const row = await db.from('products').where('id', product.id).firstOrFail()
    assert.equal(row.stock, 8)
    assert.equal(row.title, 'Mirror Work Kurti')
    assert.equal(await ledgerSum(product.id), 8)

    const fresh = await client
      .patch(`/api/products/${product.id}`)
      .bearerToken(token)
      .json({ stock: 15, expected_stock: 8 })
    fresh.assertStatus(200)
    fresh.assertAgainstApiSpec()
    assert.equal(fresh.body().data.stock, 15)
    assert.equal(await ledgerSum(product.id), 15)
  })

  test('a signed adjustment applies to the stock as it is, through the ledger, naming who made it', async ({
    client,
    assert,
  }) => {
    const { seller, product, token } = await sellersProduct(10)
    for (const [adjustment, after] of [
      [5, 15],
      [-3, 12],
    ]) {
      const response = await client
        .patch(`/api/products/${product.id}`)
        .bearerToken(token)
        .json({ stock_adjustment: adjustment })
      response.assertStatus(200)
      response.assertAgainstApiSpec()
      assert.equal(response.body().data.stock, after)
    }
    const below = await client
      .patch(`/api/products/${product.id}`)
      .bearerToken(token)
      .json({ stock_adjustment: -13 })
    below.assertStatus(409)
    below.assertAgainstApiSpec()
    assert.equal(
      below.body().errors[0].message,
      'Stock is 12: an adjustment of -13 would take it below zero'
    )

    const movements = await db
      .from('stock_movements')
      .where('product_id', product.id)
      .orderBy('id')
      .select('reason', 'delta', 'stock_after', 'reference_type', 'reference_id')
    assert.deepEqual(movements.slice(1), [
      {
        reason: 'adjustment',
        delta: 5,
        stock_after: 15,
        reference_type: 'user',
        reference_id: seller.id,
      },
      {
        reason: 'adjustment',
        delta: -3,
        stock_after: 12,
        reference_type: 'user',
        reference_id: seller.id,
      },
    ])
    assert.equal(await stockOf(product.id), 12)
    assert.equal(await ledgerSum(product.id), 12)
  })

  test(
    'a stock without expected_stock, or with an adjustment too, is a 422 and changes nothing: {name}'
  )
    .with([
      { name: 'stock alone', body: { stock: 3 }, field: 'expected_stock' },
      {
        name: 'stock and adjustment',
        body: { stock: 3, expected_stock: 10, stock_adjustment: 2 },
        field: 'stock_adjustment',
      },
      { name: 'fractional adjustment', body: { stock_adjustment: 1.5 }, field: 'stock_adjustment' },
      {
        name: 'negative expected',
        body: { stock: 3, expected_stock: -1 },
        field: 'expected_stock',
      },
    ])
    .run(async ({ client, assert }, { body, field }) => {
      const { product, token } = await sellersProduct(10)
      const response = await client
        .patch(`/api/products/${product.id}`)
        .bearerToken(token)
        .json(body)
      response.assertStatus(422)
      response.assertAgainstApiSpec()
      assert.equal(response.body().errors[0].field, field)
      assert.equal(await stockOf(product.id), 10)
      assert.equal(await ledgerSum(product.id), 10)
    })

  test('orders placed while a seller edits the stock are never lost: {name}')
    .with([
      { name: 'new stock against the value read', edit: { stock: 50, expected_stock: 20 }, to: 50 },
      { name: 'signed adjustment', edit: { stock_adjustment: 30 }, to: 50 },
    ])
    .run(async ({ client, assert }, { edit, to }) => {
      for (let round = 0; round < 3; round++) {
        const { product, token } = await sellersProduct(20)
        const customers = await Promise.all(Array.from({ length: 12 }, () => createCustomer()))
        const tokens = await Promise.all(customers.map((c) => tokenFor(c)))
        await Promise.all(customers.map((c) => putInCart(c, product, 1)))
        const order = (customerToken: string) =>
          client.post('/api/orders').bearerToken(customerToken).json({ shipping_address: ADDRESS })

        // The edit leaves in the middle of the checkouts, all racing through the server.
        const [edited, ...orders] = await Promise.all([
          new Promise((resolve) => setTimeout(resolve, round * 15)).then(() =>
            client.patch(`/api/products/${product.id}`).bearerToken(token).json(edit)
          ),
          ...tokens.map(order),
        ])

        assert.isTrue(
          orders.every((r) => r.status() === 201),
          'every order fits the stock before and after the edit'
        )
        assert.include([200, 409], edited.status())
        if (edited.status() === 409) {
          edited.assertBodyContains({ errors: [{ code: 'E_STOCK_CHANGED' }] })
        }
        const applied = edited.status() === 200
        const before = applied ? to : 20
        const sold = await unitsOrdered(product.id)
        assert.equal(sold, orders.length)
        assert.equal(await stockOf(product.id), before - sold)
        assert.equal(await ledgerSum(product.id), before - sold)
      }
    })
    .timeout(120_000)
})

test.group('Stock edits / panel', (group) => {
  group.each.setup(() => resetState())

  test('the product form sends the stock it showed; a stale save is refused next to the stock field', async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const category = await createCategory('Kurtis')
    const product = await createProduct(
      { stock: 10, title: 'Chikan Kurti', pricePaise: 50_000 },
      seller
    )
    const page = `/panel/seller/products/${product.id}/edit`
    const form = await client.get(page).withGuard('web').loginAs(seller)
    assert.include(form.text(), '<input type="hidden" name="expected_stock" value="10">')
    assert.match(form.text(), /<label for="stock">[^<]+<\/label>\s*<input id="stock" name="stock"/)

    await sell(product.id, 3)
    const saved = await client
      .post(`/panel/seller/products/${product.id}`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .header('referer', `${env.get('APP_URL')}${page}`)
      .form({
        title: 'Chikan Kurti',
        price: '500',
        stock: '25',
        expected_stock: '10',
        category_id: String(category.id),
      })
      .redirects(0)
    saved.assertStatus(302)
    saved.assertFlashMessage('inputErrorsBag', {
      expected_stock: [
        'Stock changed while you were editing: it is now 7, not 10. Nothing was saved; check the stock and try again.',
      ],
    })
    assert.equal(await stockOf(product.id), 7)

    // Shown again with the fresh stock, which the next save is checked against.
    const again = await client
      .get(page)
      .withGuard('web')
      .loginAs(seller)
      .withFlashMessages({
        inputErrorsBag: {
          expected_stock: ['Stock changed while you were editing: it is now 7, not 10.'],
        },
        stock: '25',
        expected_stock: '10',
      })
    assert.include(again.text(), 'name="stock" type="number" min="0" value="7"')
    assert.include(again.text(), '<input type="hidden" name="expected_stock" value="7">')
    assert.include(again.text(), 'id="expected_stock-error">Stock changed while you were editing')

    // Saving other fields with the stock left as shown is no stock edit, whatever sold meanwhile.
    await sell(product.id, 1)
    const renamed = await client
      .post(`/panel/seller/products/${product.id}`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({ title: 'Lucknowi Chikan Kurti', stock: '7', expected_stock: '7' })
      .redirects(0)
    renamed.assertFlashMessage('success', 'Product saved.')
    const row = await db.from('products').where('id', product.id).firstOrFail()
    assert.equal(row.title, 'Lucknowi Chikan Kurti')
    assert.equal(row.stock, 6)
  })

  test('the quick stock edit on the list is labelled, checked against what it showed, and says why it refused', async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const product = await createProduct({ stock: 10, title: 'Chikan Kurti' }, seller)
    const list = await client.get('/panel/seller/products').withGuard('web').loginAs(seller)
    list.assertStatus(200)
    // Every stock input has a label a screen reader announces.
    const inputs = [...list.text().matchAll(/<input id="([^"]+)" name="stock"/g)].map((m) => m[1])
    assert.deepEqual(inputs, [`stock-${product.id}`])
    assert.include(
      list.text(),
      `<label class="visually-hidden" for="stock-${product.id}">Stock of Chikan Kurti</label>`
    )
    assert.notInclude(list.text(), 'display:none')

    await sell(product.id, 1)
    const stale = await client
      .post(`/panel/seller/products/${product.id}/quick`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({ stock: '30', expected_stock: '10', product_id: String(product.id) })
      .redirects(0)
    stale.assertStatus(302)
    stale.assertFlashMessage('inputErrorsBag', {
      expected_stock: [
        'Stock changed while you were editing: it is now 9, not 10. Nothing was saved; check the stock and try again.',
      ],
    })
    assert.equal(await stockOf(product.id), 9)

    const shown = await client
      .get('/panel/seller/products')
      .withGuard('web')
      .loginAs(seller)
      .withFlashMessages({
        inputErrorsBag: {
          expected_stock: ['Stock changed while you were editing: it is now 9, not 10.'],
        },
        product_id: String(product.id),
      })
    assert.match(
      shown.text(),
      new RegExp(`id="product-${product.id}"[\\s\\S]*?value="9"[\\s\\S]*?it is now 9, not 10`)
    )

    const set = await client
      .post(`/panel/seller/products/${product.id}/quick`)
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .form({ stock: '30', expected_stock: '9' })
      .redirects(0)
    set.assertFlashMessage('success', 'Stock of Chikan Kurti is now 30.')
    assert.equal(await ledgerSum(product.id), 30)
  })
})
