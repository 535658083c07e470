import { test } from '@japa/runner'
import env from '#start/env'
import { storageRoot } from '#config/drive'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import http from 'node:http'
import ProductImage from '#models/product_image'
import { resetState, countRows } from '#tests/helpers/database'
import { createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { UPLOAD_TMP_DIR } from '#config/bodyparser'
import { ACTORS, createCategory, createProduct, tokensFor } from '#tests/helpers/catalog'
import { placeholderPng } from '#database/demo/placeholder_image'

let dir: string

async function fixture(name: string, content: Buffer | string) {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

const stored = (key: string) => join(storageRoot, 'public', key)

test.group('Products / images', (group) => {
  group.setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-images-'))
    return () => rm(dir, { recursive: true, force: true })
  })
  group.each.setup(() => resetState())
  group.each.teardown(async () => {
    await rm(join(storageRoot, 'public', 'products'), {
      recursive: true,
      force: true,
    })
  })

  test('a seller uploads an image; it is stored, served and shown in the storefront', async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const product = await createProduct(seller, await createCategory('Sarees'))
    const png = placeholderPng([200, 30, 60], [250, 200, 120], 32)
    const response = await client
      .post(`/api/products/${product.id}/images`)
      .bearerToken(await tokenFor(seller))
      .file('image', await fixture('saree.png', png))
    response.assertStatus(201)
    response.assertAgainstApiSpec()
    const image = response.body().data
    assert.equal(image.position, 0)
    assert.match(image.url, /\/uploads\/products\/\d+\/[0-9a-f-]+\.png$/)

    const row = await ProductImage.findOrFail(image.id)
    assert.isTrue(existsSync(stored(row.path)))
    const served = await client.get(new URL(image.url).pathname)
    served.assertStatus(200)

    const list = await client.get('/api/products')
    assert.equal(list.body().data[0].image_url, image.url)
    const detail = await client.get(`/api/products/${product.slug}`)
    assert.deepEqual(detail.body().data.images, [image])
  })

  test('the type comes from the content: a JPEG named .png is stored as .jpg, WebP works', async ({
    client,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const product = await createProduct(seller, await createCategory('Sarees'))
    const token = await tokenFor(seller)
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)])
    const webp = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from([0x24, 0, 0, 0]),
      Buffer.from('WEBPVP8 '),
      Buffer.alloc(100, 2),
    ])
    const first = await client
      .post(`/api/products/${product.id}/images`)
      .bearerToken(token)
      .file('image', await fixture('photo.png', jpeg))
    first.assertStatus(201)
    assert.match(first.body().data.url, /\.jpg$/)
    const second = await client
      .post(`/api/products/${product.id}/images`)
      .bearerToken(token)
      .file('image', await fixture('photo.webp', webp))
    second.assertStatus(201)
    assert.match(second.body().data.url, /\.webp$/)
    assert.equal(second.body().data.position, 1)
  })

  test('bad uploads are refused with a clear message, never a 500', async ({ client, assert }) => {
    const seller = await createSeller('approved')
    const product = await createProduct(seller, await createCategory('Sarees'))
    const token = await tokenFor(seller)
    const url = `/api/products/${product.id}/images`

    const fake = await client
      .post(url)
      .bearerToken(token)
      .file('image', await fixture('not-really.jpg', 'just some text, not an image at all'))
    fake.assertStatus(422)
    fake.assertAgainstApiSpec()
    fake.assertBodyContains({ errors: [{ field: 'image' }] })
    assert.match(fake.body().errors[0].message, /JPEG, PNG or WebP/)

    const pdf = await client
      .post(url)
      .bearerToken(token)
      .file('image', await fixture('invoice.pdf', '%PDF-1.4 hello'))
    pdf.assertStatus(422)

    // 6 MB that starts like a PNG: over the 5 MB limit.
    const six = Buffer.alloc(6 * 1024 * 1024)
    six.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const large = await client
      .post(url)
      .bearerToken(token)
      .file('image', await fixture('big.png', six))
    large.assertStatus(422)
    assert.match(large.body().errors[0].message, /5MB|5 MB/i)

    const missing = await client.post(url).bearerToken(token).json({})
    missing.assertStatus(422)

    assert.equal(await countRows('product_images'), 0)
  })

  test('removing an image deletes the row and the file', async ({ client, assert }) => {
    const seller = await createSeller('approved')
    const product = await createProduct(seller, await createCategory('Sarees'))
    const token = await tokenFor(seller)
    const uploaded = await client
      .post(`/api/products/${product.id}/images`)
      .bearerToken(token)
      .file('image', await fixture('a.png', placeholderPng([1, 2, 3], [4, 5, 6], 8)))
    const row = await ProductImage.findOrFail(uploaded.body().data.id)
    assert.isTrue(existsSync(stored(row.path)))

    const response = await client
      .delete(`/api/products/${product.id}/images/${row.id}`)
      .bearerToken(token)
    response.assertStatus(204)
    assert.isFalse(existsSync(stored(row.path)))
    assert.equal(await countRows('product_images'), 0)

    const again = await client
      .delete(`/api/products/${product.id}/images/${row.id}`)
      .bearerToken(token)
    again.assertStatus(404)
  })

  test('deleting a product removes its image files', async ({ client, assert }) => {
    const seller = await createSeller('approved')
    const product = await createProduct(seller, await createCategory('Sarees'))
    const token = await tokenFor(seller)
    const uploaded = await client
      .post(`/api/products/${product.id}/images`)
      .bearerToken(token)
      .file('image', await fixture('b.png', placeholderPng([9, 9, 9], [90, 90, 90], 8)))
    const row = await ProductImage.findOrFail(uploaded.body().data.id)
    ;(await client.delete(`/api/products/${product.id}`).bearerToken(token)).assertStatus(204)
    assert.isFalse(existsSync(stored(row.path)))
  })

  test('who may upload and remove images', async ({ client, assert }) => {
    const owner = await createSeller('approved')
    const product = await createProduct(owner, await createCategory('Sarees'))
    const tokens = await tokensFor(owner)
    const png = await fixture('m.png', placeholderPng([10, 20, 30], [30, 20, 10], 8))
    const expected = {
      'anonymous': 401,
      'customer': 403,
      'owning seller': 201,
      'other seller': 404,
      'pending seller': 404,
      'admin': 201,
    } as const
    for (const actor of ACTORS) {
      const request = client.post(`/api/products/${product.id}/images`).file('image', png)
      if (tokens[actor]) request.bearerToken(tokens[actor]!)
      const response = await request
      assert.equal(response.status(), expected[actor], `upload by ${actor}`)
      response.assertAgainstApiSpec()
    }
    const image = await ProductImage.query().where('product_id', product.id).firstOrFail()
    const removal = {
      'anonymous': 401,
      'customer': 403,
      'other seller': 404,
      'pending seller': 404,
      'owning seller': 204,
    } as const
    for (const [actor, status] of Object.entries(removal)) {
      const request = client.delete(`/api/products/${product.id}/images/${image.id}`)
      const token = tokens[actor as keyof typeof removal]
      if (token) request.bearerToken(token)
      assert.equal((await request).status(), status, `removal by ${actor}`)
    }
    assert.equal(await countRows('product_images'), 1)
  })
})

/**
 * Sends a multipart body with node:http and keeps the server's answer even
 * when the server stops reading early (it may answer before the body is
 * written; test clients that insist on writing everything report EPIPE).
 */
function rawUpload(path: string, token: string | null, size: number) {
  const boundary = 'x-boundary-42'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const request = http.request(
      {
        host: env.get('HOST'),
        port: env.get('PORT'),
        path,
        method: 'POST',
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + size + tail.length,
        },
      },
      (response) => {
        let text = ''
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }))
      }
    )
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    request.write(head)
    const chunk = Buffer.alloc(1024 * 1024, 0xff)
    let sent = 0
    const pump = () => {
      while (sent < size) {
        sent += chunk.length
        if (!request.write(chunk)) return request.once('drain', pump)
      }
      request.end(tail)
    }
    pump()
  })
}

test.group('Products / images past the request limit', (group) => {
  group.each.setup(() => resetState())

  test('a 20 MB upload is a 413 with the error shape, and nothing is stored', async ({
    assert,
  }) => {
    const seller = await createSeller('approved')
    const product = await createProduct(seller, await createCategory('Sarees'))
    const response = await rawUpload(
      `/api/products/${product.id}/images`,
      await tokenFor(seller),
      20 * 1024 * 1024
    )
    assert.equal(response.status, 413)
    assert.equal(response.body.errors[0].code, 'E_PAYLOAD_TOO_LARGE')
    assert.equal(await countRows('product_images'), 0)
  }).timeout(60_000)
})

/**
 * Files of at least 512 KB that appeared in the upload temp folder, or in
 * the system temp folder under the bodyparser's default name (a cuid2), since
 * `before`: what a leaked multipart part looks like.
 */
async function leakedUploads(before: Set<string>) {
  const leaked: string[] = []
  for (const folder of [UPLOAD_TMP_DIR, tmpdir()]) {
    for (const name of await readdir(folder)) {
      const path = join(folder, name)
      if (before.has(path) || (folder !== UPLOAD_TMP_DIR && !/^[a-z0-9]{24}$/.test(name))) continue
      const info = await stat(path).catch(() => null)
      if (info?.isFile() && info.size >= 512 * 1024) leaked.push(path)
    }
  }
  return leaked
}

async function tempFilesNow() {
  const names = await Promise.all(
    [UPLOAD_TMP_DIR, tmpdir()].map(async (folder) =>
      (await readdir(folder)).map((name) => join(folder, name))
    )
  )
  return new Set(names.flat())
}

test.group('Products / upload temp files', (group) => {
  group.each.setup(() => resetState())

  test('a multipart body sent anywhere but an upload route leaves no file on disk', async ({
    assert,
  }) => {
    const before = await tempFilesNow()
    const response = await rawUpload('/api/auth/login', null, 3 * 1024 * 1024)
    assert.equal(response.status, 422)
    assert.property(response.body, 'errors')
    assert.deepEqual(await leakedUploads(before), [])
  }).timeout(30_000)

  test('a refused upload leaves no temp file behind', async ({ assert }) => {
    const seller = await createSeller('approved')
    const customer = await createCustomer()
    const product = await createProduct(seller, await createCategory('Sarees'))
    const before = await tempFilesNow()

    const refused = await rawUpload(
      `/api/products/${product.id}/images`,
      await tokenFor(customer),
      1024 * 1024
    )
    assert.equal(refused.status, 403)
    const notAnImage = await rawUpload(
      `/api/products/${product.id}/images`,
      await tokenFor(seller),
      1024 * 1024
    )
    assert.equal(notAnImage.status, 422)
    assert.deepEqual(await leakedUploads(before), [])
    assert.equal(await countRows('product_images'), 0)
  }).timeout(30_000)
})
