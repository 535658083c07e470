import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { PASSWORD, createAdmin, createCustomer, createSeller } from '#tests/helpers/users'

test.group('Panel: sign in and who gets in', (group) => {
  group.each.setup(() => resetState())

  test('the login page carries a CSRF field; a POST without the token is refused', async ({
    client,
    assert,
  }) => {
    const page = await client.get('/panel/login')
    page.assertStatus(200)
    assert.include(page.text(), "name='_csrf'")
    const seller = await createSeller('approved')
    const forged = await client
      .post('/panel/login')
      .form({ email: seller.email, password: PASSWORD })
      .redirects(0)
    assert.notEqual(forged.status(), 200)
    forged.assertSessionMissing('auth_web')
  })

  test('an approved seller signs in and lands in the seller area', async ({ client }) => {
    const seller = await createSeller('approved')
    const response = await client
      .post('/panel/login')
      .withCsrfToken()
      .form({ email: seller.email.toUpperCase(), password: PASSWORD })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/panel')
    response.assertSession('auth_web', seller.id)
  })

  test('a wrong password is flashed back to the form, without a session', async ({ client }) => {
    const seller = await createSeller('approved')
    const response = await client
      .post('/panel/login')
      .withCsrfToken()
      .header('referer', 'http://127.0.0.1/panel/login')
      .form({ email: seller.email, password: 'not-the-password' })
      .redirects(0)
    response.assertStatus(302)
    response.assertSessionMissing('auth_web')
    response.assertFlashMessage('errorsBag', { E_INVALID_CREDENTIALS: 'Invalid user credentials' })
  })

  test('an empty form shows the errors next to the fields', async ({ client }) => {
    const response = await client
      .post('/panel/login')
      .withCsrfToken()
      .form({ email: '', password: '' })
      .redirects(0)
    response.assertStatus(302)
    response.assertHasValidationError('email')
    response.assertHasValidationError('password')
  })

  test('field errors are rendered under their field', async ({ client, assert }) => {
    const page = await client
      .get('/panel/login')
      .withFlashMessages({ inputErrorsBag: { email: ['The email field is required'] } })
    assert.match(
      page.text(),
      /name="email"[^>]*>\s*<p class="field-error" id="email-error">The email field is required/
    )
  })

  test('customers and disabled accounts cannot sign in', async ({ client }) => {
    const customer = await createCustomer()
    const refused = await client
      .post('/panel/login')
      .withCsrfToken()
      .form({ email: customer.email, password: PASSWORD })
      .redirects(0)
    refused.assertStatus(302)
    refused.assertHeader('location', '/panel/login')
    refused.assertSessionMissing('auth_web')
    refused.assertFlashMessage(
      'error',
      'The panel is for sellers and admins. Shop from the storefront.'
    )

    const admin = await createAdmin()
    await db.from('users').where('id', admin.id).update({ is_active: false })
    const disabled = await client
      .post('/panel/login')
      .withCsrfToken()
      .form({ email: admin.email, password: PASSWORD })
      .redirects(0)
    disabled.assertSessionMissing('auth_web')
  })

  test('repeated wrong passwords are slowed down like API logins', async ({ client }) => {
    const seller = await createSeller('approved')
    const attempt = () =>
      client
        .post('/panel/login')
        .withCsrfToken()
        .header('referer', 'http://127.0.0.1/panel/login')
        .form({ email: seller.email, password: 'guess-guess-1' })
        .redirects(0)
    for (let i = 0; i < 10; i++) (await attempt()).assertStatus(302)
    const limited = await attempt()
    limited.assertStatus(302)
    limited.assertFlashMessage('error', 'Too many requests. Try again later.')
  })

  test('signed-out visitors are sent to the login page', async ({ client }) => {
    for (const url of ['/panel', '/panel/seller/orders', '/panel/admin/users']) {
      const response = await client.get(url).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/panel/login')
    }
  })

  test('a customer holding a session is refused everywhere in the panel', async ({ client }) => {
    const customer = await createCustomer()
    for (const url of ['/panel', '/panel/seller/orders', '/panel/admin/users']) {
      const response = await client.get(url).withGuard('web').loginAs(customer)
      response.assertStatus(403)
    }
  })

  test('pending and rejected sellers see their status instead of the seller area', async ({
    client,
    assert,
  }) => {
    for (const status of ['pending', 'rejected'] as const) {
      const seller = await createSeller(status)
      const home = await client.get('/panel').withGuard('web').loginAs(seller)
      home.assertStatus(200)
      assert.include(home.text(), status)
      assert.notInclude(home.text(), 'href="/panel/seller/orders"')
      const orders = await client
        .get('/panel/seller/orders')
        .withGuard('web')
        .loginAs(seller)
        .redirects(0)
      orders.assertStatus(302)
      orders.assertHeader('location', '/panel')
    }
  })

  test('each role lands on its own area and cannot enter the other', async ({ client }) => {
    const seller = await createSeller('approved')
    const admin = await createAdmin()
    const sellerHome = await client.get('/panel').withGuard('web').loginAs(seller).redirects(0)
    sellerHome.assertHeader('location', '/panel/seller')
    const adminHome = await client.get('/panel').withGuard('web').loginAs(admin).redirects(0)
    adminHome.assertHeader('location', '/panel/admin')
    ;(await client.get('/panel/admin/users').withGuard('web').loginAs(seller)).assertStatus(403)
    ;(await client.get('/panel/seller/orders').withGuard('web').loginAs(admin)).assertStatus(403)
  })

  test('a disabled seller loses its session at once', async ({ client }) => {
    const seller = await createSeller('approved')
    await db.from('users').where('id', seller.id).update({ is_active: false })
    const response = await client
      .get('/panel/seller/orders')
      .withGuard('web')
      .loginAs(seller)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/panel/login')
  })

  test('signing out ends the session', async ({ client }) => {
    const seller = await createSeller('approved')
    const response = await client
      .post('/panel/logout')
      .withGuard('web')
      .loginAs(seller)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/panel/login')
    response.assertSessionMissing('auth_web')
  })
})
