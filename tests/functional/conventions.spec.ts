import { test } from '@japa/runner'
import { resetState } from '#tests/helpers/database'
import { createCustomer, tokenFor } from '#tests/helpers/users'

test.group('API conventions', (group) => {
  group.each.setup(() => resetState())

  test('routes answer with and without a trailing slash', async ({ client }) => {
    const token = await tokenFor(await createCustomer())
    ;(await client.get('/api/auth/me').bearerToken(token)).assertStatus(200)
    ;(await client.get('/api/auth/me/').bearerToken(token)).assertStatus(200)
    ;(await client.get('/api/auth/me/?x=1').bearerToken(token)).assertStatus(200)
  })

  test('an unknown /api route is a JSON 404', async ({ client, assert }) => {
    const response = await client.get('/api/does-not-exist').header('accept', 'text/html')
    response.assertStatus(404)
    assert.match(response.header('content-type')!, /application\/json/)
    response.assertBody({ errors: [{ message: 'Route not found', code: 'E_ROUTE_NOT_FOUND' }] })
  })

  test('an unsupported method on a known path is a JSON 404', async ({ client }) => {
    const response = await client.delete('/api/auth/login')
    response.assertStatus(404)
    response.assertBodyContains({ errors: [{ code: 'E_ROUTE_NOT_FOUND' }] })
  })

  test('health: live and ready', async ({ client }) => {
    const live = await client.get('/health/live')
    live.assertStatus(200)
    live.assertAgainstApiSpec()
    const ready = await client.get('/health/ready/')
    ready.assertStatus(200)
    ready.assertAgainstApiSpec()
    // No worker runs here, so its schedules are missing: degraded, still ready.
    ready.assertBodyContains({ checks: { database: 'ok', redis: 'ok' } })
  })

  test('the OpenAPI document and its UI are served', async ({ client, assert }) => {
    const yaml = await client.get('/docs/openapi.yaml')
    yaml.assertStatus(200)
    assert.match(yaml.text(), /^openapi: 3/)
    const ui = await client.get('/docs')
    ui.assertStatus(200)
    assert.include(ui.text(), 'swagger-ui')
    const bundle = await client.get('/docs/assets/swagger-ui-bundle.js')
    bundle.assertStatus(200)
  })

  test('errors never leak stack traces', async ({ client, assert }) => {
    const response = await client.post('/api/auth/login').json('{{{{')
    assert.notInclude(response.text(), 'at ')
    assert.notProperty(response.body().errors[0], 'stack')
  })

  test('a NUL character in text is a 400, not a database error', async ({ client }) => {
    const response = await client
      .post('/api/auth/login')
      .json({ email: 'a\u0000b@example.com', password: 'x' })
    response.assertStatus(400)
    response.assertBodyContains({ errors: [{ code: 'E_BAD_INPUT' }] })
  })

  test('a URL past the header limit still gets the JSON error shape', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/products').qs({ search: 'x'.repeat(20_000) })
    response.assertStatus(431)
    assert.equal(response.body().errors[0].code, 'E_BAD_REQUEST')
  })

  test('API responses set no cookies; the panel pages do', async ({ client, assert }) => {
    const token = await tokenFor(await createCustomer())
    const api = await client.get('/api/auth/me').bearerToken(token)
    assert.isUndefined(api.header('set-cookie'))
    const panel = await client.get('/panel/login')
    assert.isDefined(panel.header('set-cookie'))
    assert.equal(panel.header('x-frame-options'), 'DENY')
  })
})
