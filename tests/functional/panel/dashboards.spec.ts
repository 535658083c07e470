import { test } from '@japa/runner'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createSeller } from '#tests/helpers/users'
import { createProduct } from '#tests/helpers/commerce'
import { paidTwoSellerOrder } from '#tests/helpers/panel'

test.group('Panel: dashboards', (group) => {
  group.each.setup(() => resetState())

  test("the seller's dashboard: its revenue, a 30-day chart, low stock, items to ship", async ({
    client,
    assert,
  }) => {
    const { sellerA } = await paidTwoSellerOrder()
    await createProduct({ title: 'Last Few Bangles', stock: 2 }, sellerA)
    const page = await client.get('/panel/seller').withGuard('web').loginAs(sellerA)
    page.assertStatus(200)
    const html = page.text()
    // Seller A sold one ₹300 kurti; seller B's ₹900 of jhumkas are not its revenue.
    assert.match(html, /id="revenue">₹300\.00</)
    assert.match(html, /id="orders-30">1</)
    assert.match(html, /id="awaiting">1</)
    assert.include(html, 'Last Few Bangles')
    assert.equal(html.match(/<rect /g)?.length, 30)
    assert.match(html, /<title>\d{4}-\d\d-\d\d: ₹300\.00, 1 orders<\/title>/)
  })

  test("the admin's dashboard: GMV, orders by status, sellers awaiting review", async ({
    client,
    assert,
  }) => {
    const { order } = await paidTwoSellerOrder()
    await createSeller('pending')
    const page = await client
      .get('/panel/admin')
      .withGuard('web')
      .loginAs(await createAdmin())
    page.assertStatus(200)
    const html = page.text()
    const total = (order.totalPaise / 100).toLocaleString('en-IN', { minimumFractionDigits: 2 })
    assert.match(html, new RegExp(`id="gmv-30">₹${total.replace('.', '\\.')}<`))
    assert.match(html, /id="pending-sellers">1</)
    assert.include(html, 'paid: 1')
  })
})
