import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type Category from '#models/category'
import { resetState } from '#tests/helpers/database'
import { createSeller } from '#tests/helpers/users'
import { createCategory, createProduct } from '#tests/helpers/catalog'

type Item = { id: number; title: string; price_paise: number; stock: number }
const titles = (body: { data: Item[] }) => body.data.map((p) => p.title)

/** A small known catalog: a tree (Women Ethnic › Sarees / Kurtis, Men) and eight products. */
async function knownCatalog() {
  const ethnic = await createCategory('Women Ethnic')
  const sarees = await createCategory('Sarees', ethnic)
  const kurtis = await createCategory('Kurtis', ethnic)
  const men = await createCategory('Men')
  const a = await createSeller('approved')
  const b = await createSeller('approved')
  const add = (
    seller: User,
    category: Category,
    title: string,
    description: string,
    price: number,
    extra = {}
  ) =>
    createProduct(seller, category, {
      title,
      description,
      pricePaise: price,
      mrpPaise: null,
      ...extra,
    })
  const products = {
    cottonSaree: await add(
      a,
      sarees,
      'Cotton Saree with Blouse Piece',
      'Handloom cotton, Bengal weave',
      59900,
      { salesCount: 5 }
    ),
    silkSaree: await add(
      a,
      sarees,
      'Banarasi Silk Saree',
      'Zari border; cotton lining for the blouse',
      249900,
      { salesCount: 50 }
    ),
    printedSaree: await add(
      b,
      sarees,
      'Printed Georgette Saree',
      'Light and easy to drape',
      39900,
      { stock: 0 }
    ),
    cottonKurti: await add(b, kurtis, 'Cotton Kurti', 'Straight cut, block print', 34900, {
      avgRating: 4.5,
      ratingCount: 10,
    }),
    rayonKurti: await add(a, kurtis, 'Rayon Anarkali Kurti', 'Flared, machine wash', 44900, {
      avgRating: 3.9,
      ratingCount: 4,
    }),
    mensShirt: await add(b, men, 'Cotton Shirt for Men', 'Slim fit, full sleeves', 49900),
    kurtaSet: await add(b, men, 'Mens Kurta Pyjama Set', 'Festive wear in silk blend', 129900),
    hiddenSaree: await add(a, sarees, 'Cotton Saree Hidden', 'Inactive', 10000, {
      isActive: false,
    }),
  }
  return { ethnic, sarees, kurtis, men, sellers: { a, b }, products }
}

test.group('Products / search, filters, sorts', (group) => {
  group.each.setup(() => resetState())

  test('"cotton saree" ranks products with both words in the title first', async ({
    client,
    assert,
  }) => {
    await knownCatalog()
    const response = await client.get('/api/products').qs({ search: 'cotton saree' })
    response.assertStatus(200)
    response.assertAgainstApiSpec()
    const found = titles(response.body())
    assert.equal(found[0], 'Cotton Saree with Blouse Piece')
    // The silk saree mentions cotton only in its description: it comes after.
    assert.includeMembers(found, ['Banarasi Silk Saree'])
    assert.isBelow(
      found.indexOf('Cotton Saree with Blouse Piece'),
      found.indexOf('Banarasi Silk Saree')
    )
    assert.notInclude(found, 'Cotton Saree Hidden')
    assert.notInclude(found, 'Cotton Kurti')
    assert.equal(response.body().meta.total, found.length)
  })

  test('misspelt words still find the product', async ({ client, assert }) => {
    await knownCatalog()
    for (const search of ['coton sare', 'banarsi', 'georgete saree', 'KURTII']) {
      const response = await client.get('/api/products').qs({ search })
      response.assertStatus(200)
      assert.isAbove(response.body().data.length, 0, `nothing found for "${search}"`)
    }
    const typo = await client.get('/api/products').qs({ search: 'banarsi' })
    assert.equal(titles(typo.body())[0], 'Banarasi Silk Saree')
  })

  test('a typo is corrected to a title word added after it was first searched', async ({
    client,
    assert,
  }) => {
    const { sarees, sellers } = await knownCatalog()
    const before = await client.get('/api/products').qs({ search: 'kanjivarm' })
    assert.deepEqual(before.body().data, [])
    await createProduct(sellers.a, sarees, { title: 'Kanjivaram Silk Saree' })
    const after = await client.get('/api/products').qs({ search: 'kanjivarm' })
    assert.deepEqual(titles(after.body()), ['Kanjivaram Silk Saree'])
  })

  test('a search with no common match falls back to any word; nonsense finds nothing', async ({
    client,
    assert,
  }) => {
    await knownCatalog()
    const some = await client.get('/api/products').qs({ search: 'georgette tuxedo' })
    assert.deepEqual(titles(some.body()), ['Printed Georgette Saree'])
    const none = await client.get('/api/products').qs({ search: 'xqzvw' })
    none.assertStatus(200)
    none.assertAgainstApiSpec()
    assert.deepEqual(none.body().data, [])
    assert.equal(none.body().meta.total, 0)
    const stopWords = await client.get('/api/products').qs({ search: 'the and' })
    assert.deepEqual(stopWords.body().data, [])
  })

  test('a category filter includes its subcategories, by id or slug', async ({
    client,
    assert,
  }) => {
    const { ethnic, men } = await knownCatalog()
    for (const category of [ethnic.slug, String(ethnic.id)]) {
      const response = await client.get('/api/products').qs({ category, sort: 'price_asc' })
      response.assertStatus(200)
      response.assertAgainstApiSpec()
      assert.deepEqual(titles(response.body()), [
        'Cotton Kurti',
        'Printed Georgette Saree',
        'Rayon Anarkali Kurti',
        'Cotton Saree with Blouse Piece',
        'Banarasi Silk Saree',
      ])
      assert.equal(response.body().meta.total, 5)
    }
    const mens = await client.get('/api/products').qs({ category: men.slug, search: 'cotton' })
    assert.deepEqual(titles(mens.body()), ['Cotton Shirt for Men'])
    const unknown = await client.get('/api/products').qs({ category: 'no-such-category' })
    unknown.assertStatus(422)
    unknown.assertBodyContains({ errors: [{ field: 'category' }] })
  })

  test('price range, stock and seller filters combine', async ({ client, assert }) => {
    const { sellers } = await knownCatalog()
    const range = await client
      .get('/api/products')
      .qs({ min_price: 39900, max_price: 59900, sort: 'price_asc' })
    assert.deepEqual(
      range.body().data.map((p: Item) => p.price_paise),
      [39900, 44900, 49900, 59900]
    )
    const inStock = await client
      .get('/api/products')
      .qs({ min_price: 39900, max_price: 59900, in_stock: 1, sort: 'price_asc' })
    assert.notInclude(titles(inStock.body()), 'Printed Georgette Saree')
    assert.lengthOf(inStock.body().data, 3)
    const bySeller = await client
      .get('/api/products')
      .qs({ seller: sellers.a.id, search: 'saree', sort: 'price_desc' })
    assert.deepEqual(titles(bySeller.body()), [
      'Banarasi Silk Saree',
      'Cotton Saree with Blouse Piece',
    ])
    const inverted = await client.get('/api/products').qs({ min_price: 500, max_price: 100 })
    inverted.assertStatus(422)
  })

  test('sorts: price both ways, rating, newest', async ({ client, assert }) => {
    const { products } = await knownCatalog()
    const asc = (await client.get('/api/products').qs({ sort: 'price_asc' })).body().data as Item[]
    const prices = asc.map((p) => p.price_paise)
    assert.deepEqual(
      prices,
      [...prices].sort((x, y) => x - y)
    )
    const desc = (await client.get('/api/products').qs({ sort: 'price_desc' })).body()
      .data as Item[]
    assert.deepEqual(
      desc.map((p) => p.price_paise),
      [...prices].reverse()
    )
    const rating = await client.get('/api/products').qs({ sort: 'rating' })
    assert.deepEqual(titles(rating.body()).slice(0, 2), ['Cotton Kurti', 'Rayon Anarkali Kurti'])
    await db
      .from('products')
      .where('id', products.silkSaree.id)
      .update({ created_at: new Date(Date.now() + 60_000) })
    const newest = await client.get('/api/products')
    assert.equal(titles(newest.body())[0], 'Banarasi Silk Saree')
  })

  test('pagination: pages, last page and edges', async ({ client, assert }) => {
    await knownCatalog()
    const first = await client.get('/api/products').qs({ per_page: 3, sort: 'price_asc' })
    assert.deepEqual(first.body().meta, {
      total: 7,
      per_page: 3,
      current_page: 1,
      last_page: 3,
      total_is_estimate: false,
    })
    const third = await client.get('/api/products').qs({ per_page: 3, page: 3, sort: 'price_asc' })
    assert.lengthOf(third.body().data, 1)
    const beyond = await client.get('/api/products').qs({ per_page: 3, page: 4 })
    beyond.assertStatus(200)
    assert.deepEqual(beyond.body().data, [])
    const seen = [
      ...titles(first.body()),
      ...titles(
        (await client.get('/api/products').qs({ per_page: 3, page: 2, sort: 'price_asc' })).body()
      ),
      ...titles(third.body()),
    ]
    assert.lengthOf(new Set(seen), 7)

    for (const qs of [
      { page: 0 },
      { per_page: 1000 },
      { per_page: 0 },
      { page: 'abc' },
      { per_page: 'ten' },
      { min_price: 'cheap' },
      { sort: 'random' },
      { in_stock: 'maybe' },
      { seller: -3 },
      { page: 501, per_page: 20 },
    ]) {
      const response = await client.get('/api/products').qs(qs)
      response.assertStatus(422)
      response.assertAgainstApiSpec()
    }
  })

  test('a relevance search pages through its matches with an exact total', async ({
    client,
    assert,
  }) => {
    await knownCatalog()
    const pages = []
    for (const page of [1, 2, 3]) {
      const response = await client.get('/api/products').qs({ search: 'cotton', per_page: 2, page })
      response.assertStatus(200)
      response.assertAgainstApiSpec()
      assert.deepInclude(response.body().meta, { total: 4, last_page: 2, total_is_estimate: false })
      pages.push(titles(response.body()))
    }
    // Title matches first, the description-only match last; past the end: empty, same total.
    const seen = [...pages[0], ...pages[1]]
    assert.sameMembers(seen.slice(0, 3), [
      'Cotton Saree with Blouse Piece',
      'Cotton Kurti',
      'Cotton Shirt for Men',
    ])
    assert.equal(seen[3], 'Banarasi Silk Saree')
    assert.deepEqual(pages[2], [])

    const typo = await client.get('/api/products').qs({ search: 'coton tuxedo', page: 2 })
    assert.deepEqual(typo.body().data, [])
    assert.deepInclude(typo.body().meta, { total: 4, total_is_estimate: false })
  })
})
