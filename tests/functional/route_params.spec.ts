import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'

const ID_PARAM = /:(id|item|image|product|category)\b/g
const ONLY_ID_PARAMS = /^(?:[^:]|:(?:id|item|image|product|category)\b)*$/

/** Slugs are ids too in the catalog API, so there only what is neither a slug nor a number. */
const acceptsSlug = (pattern: string, param: string) =>
  pattern.startsWith('/api/') && ['product', 'category'].includes(param)

test.group('Route params', () => {
  test('every route taking an id answers 404 to one that is not a number, before anything runs', async ({
    client,
    assert,
  }) => {
    const routes = Object.values(router.toJSON())
      .flat()
      .filter((route) => route.pattern.includes(':') && ONLY_ID_PARAMS.test(route.pattern))
    assert.isAbove(routes.length, 30)

    for (const route of routes) {
      const method = route.methods.find((m) => m !== 'HEAD')!.toLowerCase()
      for (const [number, slug] of [
        ['abc', 'a_b'],
        ['-1', '-1'],
        ['1.5', '1.5'],
        ['99999999999', 'a--b'],
      ]) {
        const url = route.pattern.replace(ID_PARAM, (_, param) =>
          acceptsSlug(route.pattern, param) ? slug : number
        )
        const response = await (client as any)[method](url)
        assert.equal(response.status(), 404, `${method.toUpperCase()} ${url}`)
      }
    }
  })
})
