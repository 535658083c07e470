import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'
import { PASSWORD, createAdmin, createSeller } from '#tests/helpers/users'
import { createCategory } from '#tests/helpers/catalog'
import { paidTwoSellerOrder } from '#tests/helpers/panel'

test.group('Panel in a browser', (group) => {
  group.each.setup(() => resetState())
  group.each.setup(({ context }) => {
    // Short waits: every page here is server-rendered and local.
    context.browserContext.setDefaultTimeout(5000)
  })

  test('a seller signs in through the form and signs out', async ({ visit }) => {
    const seller = await createSeller('approved')
    const page = await visit('/panel/login')
    await page.getByLabel('Email').fill(seller.email)
    await page.getByLabel('Password').fill('wrong-password-1')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.assertTextContains('[role=alert]', 'Invalid user credentials')
    await page.assertInputValue('#email', seller.email)

    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.assertPath('/panel/seller')
    await page.assertTextContains('[role=status]', `Welcome, ${seller.fullName}.`)
    await page.assertExists('svg.chart')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.assertPath('/panel/login')
    await page.assertTextContains('[role=status]', 'You have signed out.')
  })

  test('a seller ships its item from the orders page', async ({
    browserContext,
    visit,
    assert,
  }) => {
    const { sellerA, order, itemA } = await paidTwoSellerOrder()
    await browserContext.withGuard('web').loginAs(sellerA)
    const page = await visit('/panel/seller/orders')
    await page.assertTextContains(`#order-${order.id}`, 'Block Print Kurti')
    await page.locator(`#item-${itemA.id}`).getByRole('button', { name: 'Ship' }).click()
    await page.assertTextContains('[role=status]', 'marked shipped')
    await page.assertTextContains(`#item-${itemA.id}`, 'shipped')
    await page.assertExists(`#item-${itemA.id} button:text("Mark delivered")`)
    const row = await db.from('order_items').where('id', itemA.id).firstOrFail()
    assert.equal(row.fulfillment_status, 'shipped')
  })

  test('a seller creates a product, fixing a mistake the form points out', async ({
    browserContext,
    visit,
    assert,
  }) => {
    const seller = await createSeller('approved')
    const category = await createCategory('Kurtis')
    await browserContext.withGuard('web').loginAs(seller)
    const page = await visit('/panel/seller/products')
    await page.getByRole('link', { name: 'Add a product' }).click()
    await page.getByLabel('Title').fill('Mirror Work Kurti')
    await page.getByLabel('Description').fill('Hand embroidered, cotton')
    await page.getByLabel('Price (₹, GST included)').fill('six hundred')
    await page.getByLabel('Stock').fill('12')
    await page.getByLabel('Category').selectOption(String(category.id))
    await page.getByRole('button', { name: 'Create product' }).click()

    await page.assertTextContains('#price_paise-error', 'The price field must be a number')
    await page.assertInputValue('#title', 'Mirror Work Kurti')
    await page.getByLabel('Price (₹, GST included)').fill('649')
    await page.getByRole('button', { name: 'Create product' }).click()

    await page.assertTextContains('[role=status]', 'Mirror Work Kurti is listed')
    await page.assertExists('input#image[type=file]')
    const product = await db.from('products').where('seller_id', seller.id).firstOrFail()
    assert.equal(product.price_paise, 64_900)
    assert.equal(product.stock, 12)
  })

  test('an admin approves a pending seller', async ({ browserContext, visit, assert }) => {
    const admin = await createAdmin()
    const pending = await createSeller('pending')
    await browserContext.withGuard('web').loginAs(admin)
    const page = await visit('/panel/admin')
    await page.assertTextContains('#pending-sellers', '1')
    await page.getByRole('link', { name: 'Review' }).click()
    await page.locator(`#seller-${pending.id}`).getByRole('button', { name: 'Approve' }).click()
    await page.assertTextContains(
      '[role=status]',
      `${pending.sellerProfile.businessName} is approved.`
    )
    const profile = await db.from('seller_profiles').where('user_id', pending.id).firstOrFail()
    assert.equal(profile.status, 'approved')
  })
})
