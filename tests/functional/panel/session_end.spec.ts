import { test } from '@japa/runner'
import { resetState } from '#tests/helpers/database'
import { PanelBrowser, restoreSessionStore, useSessionStore } from '#tests/helpers/panel_browser'
import {
  PASSWORD,
  createAdmin,
  createSeller,
  issueResetToken,
  tokenFor,
} from '#tests/helpers/users'

const ENDED = 'Your session has ended. Please sign in again.'

/** Signed out: sent to the login page, which says why when the session was ended. */
async function assertSignedOut(
  browser: PanelBrowser,
  assert: { equal: Function; include: Function },
  { saysEnded = true } = {}
) {
  const response = await browser.get('/panel/seller')
  assert.equal(response.status, 302)
  assert.equal(response.headers.get('location'), '/panel/login')
  const login = await (await browser.get('/panel/login')).text()
  assert.include(login, 'Sign in to the panel')
  if (saysEnded) assert.include(login, ENDED)
  // Still signed out afterwards: the stale session was cleared, not re-used.
  assert.equal((await browser.get('/panel/seller')).status, 302)
}

/** An approved seller signed in to the panel through the login form. */
async function signedInSeller() {
  const seller = await createSeller('approved')
  const browser = new PanelBrowser()
  await browser.signIn(seller.email, PASSWORD)
  return { seller, browser }
}

/** A fresh sign-in with `password` reaches the seller area. */
async function assertSignsIn(email: string, password: string, assert: { equal: Function }) {
  const fresh = new PanelBrowser()
  await fresh.signIn(email, password)
  assert.equal((await fresh.get('/panel/seller')).status, 200)
}

// Cookie as in development (a session is only a cookie), Redis as in production.
for (const store of ['cookie', 'redis'] as const) {
  test.group(`Panel sessions end for good (${store} store)`, (group) => {
    group.setup(() => useSessionStore(store))
    group.teardown(() => restoreSessionStore())
    group.each.setup(() => resetState())

    test('signing out kills every copy of the session cookie', async ({ assert }) => {
      const { browser } = await signedInSeller()
      const copied = browser.copy()
      assert.equal((await copied.get('/panel/seller')).status, 200)

      const out = await browser.post('/panel/logout', {}, '/panel/seller')
      assert.equal(out.headers.get('location'), '/panel/login')

      // With Redis the old session is gone from the store; with cookies the version says so.
      await assertSignedOut(copied, assert, { saysEnded: store === 'cookie' })
      await assertSignedOut(browser, assert, { saysEnded: false })
    })

    test('a password reset ends every panel session; the new password signs in', async ({
      client,
      assert,
    }) => {
      const { seller, browser } = await signedInSeller()
      const copied = browser.copy()
      assert.equal((await copied.get('/panel/seller')).status, 200)

      const token = await issueResetToken(seller.email)
      const reset = await client
        .post('/api/auth/reset-password')
        .json({ token, password: 'brand-new-pass-7' })
      reset.assertStatus(204)

      await assertSignedOut(copied, assert)
      // The same session as the copy: with Redis, already cleared by the copy's request.
      await assertSignedOut(browser, assert, { saysEnded: false })
      await assertSignsIn(seller.email, 'brand-new-pass-7', assert)
    })

    test('a password change ends panel sessions and other API tokens, not the one used', async ({
      client,
      assert,
    }) => {
      const { seller, browser } = await signedInSeller()
      const phone = await tokenFor(seller)
      const laptop = await tokenFor(seller)

      const changed = await client
        .patch('/api/auth/me')
        .bearerToken(phone)
        .json({ current_password: PASSWORD, password: 'changed-pass-2026' })
      changed.assertStatus(200)
      changed.assertAgainstApiSpec()

      await assertSignedOut(browser, assert)
      ;(await client.get('/api/auth/me').bearerToken(laptop)).assertStatus(401)
      ;(await client.get('/api/auth/me').bearerToken(phone)).assertStatus(200)
    })

    test('a name change alone signs nobody out', async ({ client, assert }) => {
      const { seller, browser } = await signedInSeller()
      const phone = await tokenFor(seller)
      const laptop = await tokenFor(seller)
      ;(
        await client.patch('/api/auth/me').bearerToken(phone).json({ full_name: 'New Name' })
      ).assertStatus(200)
      assert.equal((await browser.get('/panel/seller')).status, 200)
      ;(await client.get('/api/auth/me').bearerToken(laptop)).assertStatus(200)
    })

    test('disable then enable does not bring the old session back', async ({ client, assert }) => {
      const seller = await createSeller('approved')
      const adminToken = await tokenFor(await createAdmin())
      const browser = new PanelBrowser()
      await browser.signIn(seller.email, PASSWORD)
      const copied = browser.copy()

      for (const isActive of [false, true]) {
        ;(
          await client
            .patch(`/api/admin/users/${seller.id}`)
            .bearerToken(adminToken)
            .json({ is_active: isActive })
        ).assertStatus(200)
      }

      await assertSignedOut(copied, assert)
      await assertSignsIn(seller.email, PASSWORD, assert)
    })
  })
}
