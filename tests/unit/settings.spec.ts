import { test } from '@japa/runner'
import config from '@adonisjs/core/services/config'
import { resolveAppUrl } from '#config/app'
import { shippingFor } from '#services/orders/pricing'
import { settings } from '#services/platform/settings'

test.group('APP_URL', () => {
  test('unset, links follow HOST and PORT, so changing PORT alone keeps them working', ({
    assert,
  }) => {
    assert.equal(resolveAppUrl({ HOST: '127.0.0.1', PORT: 3333 }), 'http://127.0.0.1:3333')
    assert.equal(resolveAppUrl({ HOST: '127.0.0.1', PORT: 4567 }), 'http://127.0.0.1:4567')
    assert.equal(resolveAppUrl({ HOST: 'shop.local', PORT: 80 }), 'http://shop.local:80')
    assert.equal(resolveAppUrl({ HOST: '::1', PORT: 4567 }), 'http://[::1]:4567')
  })

  test('a server listening on every interface links to the loopback address', ({ assert }) => {
    assert.equal(resolveAppUrl({ HOST: '0.0.0.0', PORT: 4567 }), 'http://127.0.0.1:4567')
    assert.equal(resolveAppUrl({ HOST: '::', PORT: 4567 }), 'http://127.0.0.1:4567')
  })

  test('set, it wins over HOST and PORT, without a trailing slash', ({ assert }) => {
    const vars = { HOST: '127.0.0.1', PORT: 4567 }
    assert.equal(
      resolveAppUrl({ ...vars, APP_URL: 'https://shop.example.com' }),
      'https://shop.example.com'
    )
    assert.equal(
      resolveAppUrl({ ...vars, APP_URL: 'https://shop.example.com/' }),
      'https://shop.example.com'
    )
  })
})

test.group('Marketplace settings', (group) => {
  group.each.setup(() => {
    const saved = structuredClone(config.get('commerce'))
    return () => config.set('commerce', saved)
  })

  test('shipping is charged from the current settings, not from env', ({ assert }) => {
    assert.equal(shippingFor(49_899), settings.shipping().feePaise)
    config.set('commerce.shipping', { freeThresholdPaise: 99_900, feePaise: 6_900 })
    assert.equal(shippingFor(49_900), 6_900)
    assert.equal(shippingFor(99_900), 0)
  })
})
