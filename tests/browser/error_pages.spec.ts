import { test } from '@japa/runner'
import { startProductionServerWithoutDatabase } from '#tests/helpers/production_server'

test.group('Error pages on a phone', (group) => {
  let server: Awaited<ReturnType<typeof startProductionServerWithoutDatabase>>

  group.setup(async () => {
    server = await startProductionServerWithoutDatabase()
    return () => server.stop()
  })

  test('{$self} fits a 390 px screen and reads as one headed page')
    .with(['/checkout/order_PageThatThrows', '/no-such-page', '/panel/no-such-page'])
    .run(async ({ browserContext, assert }, path) => {
      const page = await browserContext.newPage()
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(`${server.url}${path}`)
      // A string: the tests compile without the DOM library.
      const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth')
      assert.isAtMost(scrollWidth, 390)
      assert.equal(await page.locator('html').getAttribute('lang'), 'en')
      assert.equal(await page.locator('main h1').count(), 1)
      assert.isTrue(await page.getByText('Reference for support').isVisible())
    })
})
