import { test } from '@japa/runner'
import { PanelBrowser } from '#tests/helpers/panel_browser'
import { startProductionServerWithoutDatabase } from '#tests/helpers/production_server'
import { eventually } from '#tests/helpers/razorpay'

/** What an exception or the debug page would give away. */
function assertNothingLeaks(body: string, assert: { notInclude: Function; notMatch: Function }) {
  assert.notInclude(body, 'database "')
  assert.notInclude(body, 'DatabaseError')
  assert.notInclude(body, '_absent')
  assert.notInclude(body, 'Cannot GET')
  assert.notMatch(body, /\bat \S+ \(/)
}

test.group('Error pages in production', (group) => {
  let server: Awaited<ReturnType<typeof startProductionServerWithoutDatabase>>

  group.setup(async () => {
    server = await startProductionServerWithoutDatabase()
    return () => server.stop()
  })

  test('a page that throws shows the generic page with a request id, logged with the error', async ({
    assert,
  }) => {
    const response = await fetch(`${server.url}/checkout/order_PageThatThrows`, {
      headers: { accept: 'text/html' },
    })
    assert.equal(response.status, 500)
    assert.include(response.headers.get('content-type'), 'text/html')
    const requestId = response.headers.get('x-request-id')!
    assert.match(requestId, /^\w{10,}$/)
    const body = await response.text()
    assert.include(body, '<h1>Something went wrong on our side</h1>')
    assert.include(body, `<code>${requestId}</code>`)
    assertNothingLeaks(body, assert)

    // Support finds the exception from the reference the page showed.
    const logged = () => server.logLines().find((line) => line.includes(requestId))
    await eventually(async () => logged() !== undefined)
    const entry = JSON.parse(logged()!)
    assert.equal(entry.request_id, requestId)
    assert.include(entry.err.message, 'does not exist')
  })

  test('a panel form that throws shows the same page, with a way back to the panel', async ({
    assert,
  }) => {
    const browser = new PanelBrowser(server.url)
    const response = await browser.post('/panel/login', {
      email: 'seller@example.com',
      password: 'whatever-it-is',
    })
    assert.equal(response.status, 500)
    const body = await response.text()
    assert.include(body, `<code>${response.headers.get('x-request-id')}</code>`)
    assert.include(body, '<a href="/panel">Go to the panel</a>')
    assertNothingLeaks(body, assert)
  })

  test('an unknown page is a plain 404 page with a request id', async ({ assert }) => {
    const response = await fetch(`${server.url}/no-such-page`, { headers: { accept: 'text/html' } })
    assert.equal(response.status, 404)
    const body = await response.text()
    assert.include(body, '<h1>Page not found</h1>')
    assert.include(body, `<code>${response.headers.get('x-request-id')}</code>`)
    assertNothingLeaks(body, assert)
  })

  test('the API keeps its JSON error shape, with the request id as a header', async ({
    assert,
  }) => {
    const missing = await fetch(`${server.url}/api/no-such-route`)
    assert.equal(missing.status, 404)
    assert.match(missing.headers.get('x-request-id')!, /^\w{10,}$/)
    assert.deepEqual(await missing.json(), {
      errors: [{ message: 'Route not found', code: 'E_ROUTE_NOT_FOUND' }],
    })

    const response = await fetch(`${server.url}/api/products`, {
      headers: { accept: 'text/html' },
    })
    assert.equal(response.status, 500)
    assert.match(response.headers.get('x-request-id')!, /^\w{10,}$/)
    assert.deepEqual(await response.json(), {
      errors: [{ message: 'Something went wrong on our side', code: 'E_INTERNAL' }],
    })
  })
})
