import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { resetState } from '#tests/helpers/database'
import { createAdmin, createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, markPaid, putInCart } from '#tests/helpers/commerce'

/** How many SQL statements the app sends while `action` runs (tests share its process). */
async function queriesDuring(action: () => Promise<unknown>) {
  const knex = db.connection().getWriteClient()
  let count = 0
  const onQuery = () => count++
  knex.on('query', onQuery)
  try {
    await action()
  } finally {
    knex.off('query', onQuery)
  }
  return count
}

/** A paid order with an item from each of two sellers. */
async function paidTwoSellerOrder(client: any, customer: User, sellers: [User, User]) {
  for (const seller of sellers) await putInCart(customer, await createProduct({}, seller), 1)
  const response = await client
    .post('/api/orders')
    .bearerToken(await tokenFor(customer))
    .json({ shipping_address: ADDRESS })
  response.assertStatus(201)
  await markPaid(response.body().data.id)
}

test.group('Order lists', (group) => {
  group.each.setup(() => resetState())

  test('a page of 5 orders costs the same queries as a page of 1, for customers, sellers and admins', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const sellers: [User, User] = [await createSeller('approved'), await createSeller('approved')]
    const lists = [
      { url: '/api/orders', token: await tokenFor(customer) },
      { url: '/api/admin/orders', token: await tokenFor(await createAdmin()) },
      { url: '/api/seller/orders', token: await tokenFor(sellers[0]) },
    ]
    const cost = async () => {
      const counts = []
      for (const list of lists) {
        counts.push(
          await queriesDuring(async () => {
            const response = await client.get(list.url).bearerToken(list.token)
            response.assertStatus(200)
            response.assertAgainstApiSpec()
          })
        )
      }
      return counts
    }

    await paidTwoSellerOrder(client, customer, sellers)
    const one = await cost()
    for (let i = 0; i < 4; i++) await paidTwoSellerOrder(client, customer, sellers)
    const five = await cost()

    const page = await client.get('/api/orders').bearerToken(lists[0].token)
    assert.lengthOf(page.body().data, 5)
    assert.deepEqual(
      page.body().data[0].items.map((item: any) => item.seller.business_name),
      sellers.map((seller) => seller.sellerProfile.businessName)
    )
    assert.deepEqual(page.body().data[0].invoice, { status: 'pending', url: null })
    assert.isAbove(Math.min(...one), 2)
    assert.deepEqual(five, one)
  })
})
