import { test } from '@japa/runner'
import Category from '#models/category'
import { resetState, countRows } from '#tests/helpers/database'
import { createAdmin, createSeller, tokenFor } from '#tests/helpers/users'
import { ACTORS, createCategory, createProduct, tokensFor } from '#tests/helpers/catalog'

test.group('Categories', (group) => {
  group.each.setup(() => resetState())

  test('anyone lists categories flat or as a tree, with product counts', async ({
    client,
    assert,
  }) => {
    const ethnic = await createCategory('Women Ethnic')
    const sarees = await createCategory('Sarees', ethnic)
    await createCategory('Kurtis', ethnic)
    const seller = await createSeller('approved')
    await createProduct(seller, sarees)
    await createProduct(seller, sarees)
    await createProduct(seller, ethnic)
    await createProduct(seller, sarees, { isActive: false })

    const flat = await client.get('/api/categories')
    flat.assertStatus(200)
    flat.assertAgainstApiSpec()
    const counts = Object.fromEntries(
      flat
        .body()
        .data.map((c: { slug: string; product_count: number }) => [c.slug, c.product_count])
    )
    assert.deepEqual(counts, { 'women-ethnic': 3, 'sarees': 2, 'kurtis': 0 })
    assert.notProperty(flat.body().data[0], 'children')

    const tree = await client.get('/api/categories/').qs({ tree: 1 })
    tree.assertStatus(200)
    tree.assertAgainstApiSpec()
    assert.lengthOf(tree.body().data, 1)
    assert.deepEqual(
      tree
        .body()
        .data[0].children.map((c: { name: string }) => c.name)
        .sort(),
      ['Kurtis', 'Sarees']
    )
  })

  test('one category by id or slug, with children and a breadcrumb', async ({ client, assert }) => {
    const ethnic = await createCategory('Women Ethnic')
    const sarees = await createCategory('Sarees', ethnic)
    const silk = await createCategory('Silk Sarees', sarees)
    for (const ref of [sarees.id, 'sarees']) {
      const response = await client.get(`/api/categories/${ref}`)
      response.assertStatus(200)
      response.assertAgainstApiSpec()
      const data = response.body().data
      assert.deepEqual(
        data.ancestors.map((c: { id: number }) => c.id),
        [ethnic.id]
      )
      assert.deepEqual(
        data.children.map((c: { id: number }) => c.id),
        [silk.id]
      )
    }
    const deep = await client.get(`/api/categories/${silk.slug}`)
    assert.deepEqual(
      deep.body().data.ancestors.map((c: { slug: string }) => c.slug),
      ['women-ethnic', 'sarees']
    )
    ;(await client.get('/api/categories/nope')).assertStatus(404)
  })

  test('{actor} creating a category gets {status}')
    .with([
      { actor: 'anonymous', status: 401 },
      { actor: 'customer', status: 403 },
      { actor: 'pending seller', status: 403 },
      { actor: 'owning seller', status: 201 },
      { actor: 'admin', status: 201 },
    ] as const)
    .run(async ({ client, assert }, { actor, status }) => {
      const tokens = await tokensFor(await createSeller('approved'))
      const parent = await createCategory('Jewellery')
      const request = client
        .post('/api/categories')
        .json({ name: 'Anklets & Toe Rings', parent_id: parent.id, description: 'Silver' })
      if (tokens[actor]) request.bearerToken(tokens[actor]!)
      const response = await request
      response.assertStatus(status)
      response.assertAgainstApiSpec()
      if (status === 201) {
        assert.equal(response.body().data.slug, 'anklets-toe-rings')
        assert.equal(response.body().data.ancestors[0].id, parent.id)
      }
      assert.equal(await countRows('categories'), status === 201 ? 2 : 1)
    })

  test('slugs stay unique; a bad parent is a 422', async ({ client, assert }) => {
    const token = await tokenFor(await createAdmin())
    const first = await client.post('/api/categories').bearerToken(token).json({ name: 'Sarees' })
    const second = await client.post('/api/categories').bearerToken(token).json({ name: 'Sarees!' })
    assert.equal(first.body().data.slug, 'sarees')
    assert.equal(second.body().data.slug, 'sarees-2')
    const orphan = await client
      .post('/api/categories')
      .bearerToken(token)
      .json({ name: 'Orphan', parent_id: 99999 })
    orphan.assertStatus(422)
    orphan.assertBodyContains({ errors: [{ field: 'parent_id' }] })
    const nameless = await client.post('/api/categories').bearerToken(token).json({})
    nameless.assertStatus(422)
  })

  test('{actor} editing a category gets {status}')
    .with(
      ACTORS.map((actor) => ({
        actor,
        status: actor === 'admin' ? 200 : actor === 'anonymous' ? 401 : 403,
      }))
    )
    .run(async ({ client, assert }, { actor, status }) => {
      const tokens = await tokensFor(await createSeller('approved'))
      const category = await createCategory('Kids')
      const request = client
        .patch(`/api/categories/${category.slug}`)
        .json({ name: 'Kids & Baby', gst_rate: 5 })
      if (tokens[actor]) request.bearerToken(tokens[actor]!)
      const response = await request
      response.assertStatus(status)
      response.assertAgainstApiSpec()
      await category.refresh()
      assert.equal(category.name, status === 200 ? 'Kids & Baby' : 'Kids')
    })

  test('a category cannot move under its own subtree; slug edits are checked', async ({
    client,
  }) => {
    const token = await tokenFor(await createAdmin())
    const root = await createCategory('Home')
    const child = await createCategory('Kitchen', root)
    await createCategory('Decor')
    const cycle = await client
      .put(`/api/categories/${root.id}`)
      .bearerToken(token)
      .json({ parent_id: child.id })
    cycle.assertStatus(422)
    cycle.assertBodyContains({ errors: [{ field: 'parent_id' }] })
    const self = await client
      .put(`/api/categories/${root.id}`)
      .bearerToken(token)
      .json({ parent_id: root.id })
    self.assertStatus(422)
    const taken = await client
      .put(`/api/categories/${child.id}`)
      .bearerToken(token)
      .json({ slug: 'decor' })
    taken.assertStatus(422)
    taken.assertBodyContains({ errors: [{ field: 'slug' }] })
    const moved = await client
      .put(`/api/categories/${child.id}`)
      .bearerToken(token)
      .json({ parent_id: null })
    moved.assertStatus(200)
    moved.assertBodyContains({ data: { parent_id: null, ancestors: [] } })
  })

  test('deleting: 409 while products or subcategories use it, 204 otherwise', async ({
    client,
    assert,
  }) => {
    const token = await tokenFor(await createAdmin())
    const parent = await createCategory('Beauty')
    const child = await createCategory('Lipsticks', parent)
    const product = await createProduct(await createSeller('approved'), child, { isActive: false })

    const withChildren = await client.delete(`/api/categories/${parent.id}`).bearerToken(token)
    withChildren.assertStatus(409)
    withChildren.assertAgainstApiSpec()
    const withProducts = await client.delete(`/api/categories/${child.slug}`).bearerToken(token)
    withProducts.assertStatus(409)

    await product.delete()
    ;(await client.delete(`/api/categories/${child.slug}`).bearerToken(token)).assertStatus(204)
    ;(await client.delete(`/api/categories/${parent.id}`).bearerToken(token)).assertStatus(204)
    assert.equal(await countRows('categories'), 0)
  })

  test('{actor} deleting a category gets {status}')
    .with(
      ACTORS.map((actor) => ({
        actor,
        status: actor === 'admin' ? 204 : actor === 'anonymous' ? 401 : 403,
      }))
    )
    .run(async ({ client, assert }, { actor, status }) => {
      const tokens = await tokensFor(await createSeller('approved'))
      const category = await createCategory('Mobile Accessories')
      const request = client.delete(`/api/categories/${category.id}`)
      if (tokens[actor]) request.bearerToken(tokens[actor]!)
      const response = await request
      response.assertStatus(status)
      assert.equal((await Category.find(category.id)) ? 1 : 0, status === 204 ? 0 : 1)
    })
})
