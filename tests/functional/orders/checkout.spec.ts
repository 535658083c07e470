import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { resetState, countRows } from '#tests/helpers/database'
import { createCustomer, createSeller, tokenFor } from '#tests/helpers/users'
import { ADDRESS, createProduct, ledgerSum, putInCart, stockOf } from '#tests/helpers/commerce'
import { fakeGstin } from '#database/factories/user_factory'

test.group('Checkout / POST /api/orders', (group) => {
  group.each.setup(() => resetState())

  test('places an order: totals with shipping, snapshot, stock reserved, cart emptied', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const kurti = await createProduct({
      pricePaise: 19_900,
      stock: 10,
      gstRate: 5,
      title: 'Cotton Kurti',
    })
    await putInCart(customer, kurti, 2)

    const response = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: ADDRESS })

    response.assertStatus(201)
    response.assertAgainstApiSpec()
    const { data: order, payment } = response.body()
    assert.match(order.number, /^MO-\d{4}-\d{6}$/)
    assert.equal(order.status, 'pending_payment')
    assert.equal(order.subtotal_paise, 39_800)
    assert.equal(order.shipping_paise, 4_900) // below the ₹499 free-shipping threshold
    assert.equal(order.total_paise, 44_700)
    assert.equal(order.currency, 'INR')
    assert.deepEqual(order.shipping_address, {
      ...ADDRESS,
      phone: '9123456780',
      state: 'Karnataka',
      line2: null,
    })
    assert.containsSubset(order.items, [
      {
        product_id: kurti.id,
        title: 'Cotton Kurti',
        quantity: 2,
        unit_price_paise: 19_900,
        gst_rate: 5,
        line_total_paise: 39_800,
        fulfillment_status: 'pending',
      },
    ])
    assert.equal(order.payment.status, 'created')
    assert.equal(payment.amount_paise, 44_700)
    assert.equal(payment.razorpay_order_id, order.payment.razorpay_order_id)
    assert.match(payment.razorpay_order_id, /^order_[A-Za-z0-9]{14}$/)
    assert.include(payment.checkout_url, payment.razorpay_order_id)

    assert.equal(await stockOf(kurti.id), 8)
    assert.equal(await ledgerSum(kurti.id), 8)
    assert.equal(await countRows('cart_items'), 0)
  })

  test('shipping is free from ₹499', async ({ client, assert }) => {
    const customer = await createCustomer()
    await putInCart(customer, await createProduct({ pricePaise: 49_900 }), 1)
    const response = await client
      .post('/api/orders')
      .bearerToken(await tokenFor(customer))
      .json({ shipping_address: ADDRESS })
    assert.equal(response.body().data.shipping_paise, 0)
    assert.equal(response.body().data.total_paise, 49_900)
  })

  test('an empty cart is a 422', async ({ client }) => {
    const response = await client
      .post('/api/orders')
      .bearerToken(await tokenFor(await createCustomer()))
      .json({ shipping_address: ADDRESS })
    response.assertStatus(422)
    response.assertAgainstApiSpec()
    response.assertBodyContains({ errors: [{ message: 'Your cart is empty' }] })
  })

  test('insufficient stock is one 409 naming every short product; nothing is reserved', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const fine = await createProduct({ stock: 5, title: 'Steel Water Bottle' })
    const short = await createProduct({ stock: 5, title: 'Jhumka Earrings' })
    const gone = await createProduct({ stock: 5, title: 'Phone Cover' })
    await putInCart(customer, fine, 2)
    await putInCart(customer, short, 4)
    await putInCart(customer, gone, 1)
    await db.from('products').where('id', short.id).update({ stock: 1 })
    await db.from('products').where('id', gone.id).update({ stock: 0 })

    const response = await client
      .post('/api/orders')
      .bearerToken(await tokenFor(customer))
      .json({ shipping_address: ADDRESS })

    response.assertStatus(409)
    response.assertAgainstApiSpec()
    const messages = response.body().errors.map((e: { message: string }) => e.message)
    assert.lengthOf(messages, 2)
    assert.include(messages[0], 'Jhumka Earrings')
    assert.include(messages[1], 'Phone Cover')
    assert.equal(await stockOf(fine.id), 5)
    assert.equal(await countRows('orders'), 0)
    assert.equal(await countRows('cart_items'), 3)
  })

  test('later product edits never change the order', async ({ client, assert }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const product = await createProduct({ pricePaise: 59_900, title: 'Chanderi Saree', gstRate: 5 })
    await putInCart(customer, product, 1)
    const placed = (
      await client.post('/api/orders').bearerToken(token).json({ shipping_address: ADDRESS })
    ).body().data

    await db
      .from('products')
      .where('id', product.id)
      .update({ price_paise: 99_900, mrp_paise: 99_900, title: 'Renamed', gst_rate: 12 })

    const order = (await client.get(`/api/orders/${placed.id}`).bearerToken(token)).body().data
    assert.containsSubset(order.items[0], {
      title: 'Chanderi Saree',
      unit_price_paise: 59_900,
      gst_rate: 5,
    })
    assert.equal(order.total_paise, 59_900)
  })

  test('a two-seller order keeps each item with its seller', async ({ client, assert }) => {
    const customer = await createCustomer()
    const sellerA = await createSeller('approved')
    const sellerB = await createSeller('approved')
    await putInCart(customer, await createProduct({}, sellerA), 1)
    await putInCart(customer, await createProduct({}, sellerB), 2)
    const order = (
      await client
        .post('/api/orders')
        .bearerToken(await tokenFor(customer))
        .json({ shipping_address: ADDRESS })
    ).body().data
    assert.sameMembers(
      order.items.map((i: { seller: { id: number; business_name: string } }) => i.seller.id),
      [sellerA.id, sellerB.id]
    )
    assert.equal(order.items[0].seller.business_name, sellerA.sellerProfile.businessName)
  })

  test('malformed addresses are 422s naming the field: {name}')
    .with([
      {
        name: 'pincode with letters',
        address: { ...ADDRESS, pincode: '56003A' },
        field: 'shipping_address.pincode',
      },
      {
        name: 'pincode starting 0',
        address: { ...ADDRESS, pincode: '012345' },
        field: 'shipping_address.pincode',
      },
      {
        name: 'short phone',
        address: { ...ADDRESS, phone: '98765' },
        field: 'shipping_address.phone',
      },
      {
        name: 'landline-like phone',
        address: { ...ADDRESS, phone: '2345678901' },
        field: 'shipping_address.phone',
      },
      {
        name: 'unknown state',
        address: { ...ADDRESS, state: 'Atlantis' },
        field: 'shipping_address.state',
      },
      {
        name: 'missing city',
        address: { ...ADDRESS, city: undefined },
        field: 'shipping_address.city',
      },
      { name: 'address as string', address: 'somewhere', field: 'shipping_address' },
    ])
    .run(async ({ client, assert }, row) => {
      const customer = await createCustomer()
      const product = await createProduct({ stock: 3 })
      await putInCart(customer, product, 1)
      const response = await client
        .post('/api/orders')
        .bearerToken(await tokenFor(customer))
        .json({ shipping_address: row.address })
      response.assertStatus(422)
      response.assertAgainstApiSpec()
      assert.include(
        response.body().errors.map((e: { field: string }) => e.field),
        row.field
      )
      assert.equal(await stockOf(product.id), 3)
    })

  test('the same Idempotency-Key returns the first order and creates nothing new', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const product = await createProduct({ stock: 10 })
    await putInCart(customer, product, 2)

    const first = await client
      .post('/api/orders')
      .bearerToken(token)
      .header('idempotency-key', 'checkout-7f3a')
      .json({ shipping_address: ADDRESS })
    // The shopper refills the cart, then the app retries the same request.
    await putInCart(customer, product, 1)
    const retry = await client
      .post('/api/orders')
      .bearerToken(token)
      .header('idempotency-key', 'checkout-7f3a')
      .json({ shipping_address: ADDRESS })

    first.assertStatus(201)
    retry.assertStatus(201)
    retry.assertAgainstApiSpec()
    assert.equal(retry.header('idempotent-replayed'), 'true')
    assert.equal(retry.body().data.id, first.body().data.id)
    assert.equal(retry.body().payment.razorpay_order_id, first.body().payment.razorpay_order_id)
    assert.equal(await countRows('orders'), 1)
    assert.equal(await stockOf(product.id), 8)

    const differentBody = await client
      .post('/api/orders')
      .bearerToken(token)
      .header('idempotency-key', 'checkout-7f3a')
      .json({ shipping_address: { ...ADDRESS, city: 'Mysuru' } })
    differentBody.assertStatus(422)
    differentBody.assertBodyContains({ errors: [{ code: 'E_IDEMPOTENCY_KEY_REUSED' }] })

    // Keys are per customer: another customer's identical key is their own.
    const other = await createCustomer()
    await putInCart(other, product, 1)
    const theirs = await client
      .post('/api/orders')
      .bearerToken(await tokenFor(other))
      .header('idempotency-key', 'checkout-7f3a')
      .json({ shipping_address: ADDRESS })
    theirs.assertStatus(201)
    assert.notEqual(theirs.body().data.id, first.body().data.id)
  })

  test('a malformed Idempotency-Key is a 422', async ({ client }) => {
    const customer = await createCustomer()
    await putInCart(customer, await createProduct(), 1)
    const response = await client
      .post('/api/orders')
      .bearerToken(await tokenFor(customer))
      .header('idempotency-key', 'x'.repeat(300))
      .json({ shipping_address: ADDRESS })
    response.assertStatus(422)
  })

  test('a seller without GSTIN sells only within its state: 409 naming product and state', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const local = await createSeller('approved')
    await db.from('seller_profiles').where('user_id', local.id).update({ gstin: null })
    const lamp = await createProduct({ title: 'Clay Lamp', stock: 5 }, local)
    const registered = await createProduct({ title: 'Steel Tumbler', stock: 5 })
    await putInCart(customer, lamp, 1)
    await putInCart(customer, registered, 1)

    const response = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: { ...ADDRESS, state: 'Kerala', city: 'Kochi', pincode: '682001' } })
    response.assertStatus(409)
    response.assertAgainstApiSpec()
    const [error] = response.body().errors
    assert.equal(error.code, 'E_SELLER_INTRA_STATE_ONLY')
    assert.include(error.message, '“Clay Lamp”')
    assert.include(error.message, 'only within Karnataka')
    assert.notInclude(error.message, 'Steel Tumbler')
    assert.equal(await countRows('orders'), 0)
    assert.equal(await stockOf(lamp.id), 5)

    // Within the seller's own state the same cart is fine.
    const sameState = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: ADDRESS })
    sameState.assertStatus(201)
  })

  test('items snapshot the HSN code; a business buyer may give its GSTIN', async ({
    client,
    assert,
  }) => {
    const customer = await createCustomer()
    const token = await tokenFor(customer)
    const inherited = await createProduct({ title: 'Cotton Kurti' })
    await db.from('categories').where('id', inherited.categoryId).update({ hsn_code: '6204' })
    const own = await createProduct({ title: 'Printed Tee' })
    await db.from('categories').where('id', own.categoryId).update({ hsn_code: '6109' })
    await db.from('products').where('id', own.id).update({ hsn_code: '61091000' })
    await putInCart(customer, inherited, 1)
    await putInCart(customer, own, 1)

    const invalid = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: ADDRESS, buyer_gstin: '29ABCDE1234F1Z0' })
    invalid.assertStatus(422)
    invalid.assertAgainstApiSpec()
    invalid.assertBodyContains({ errors: [{ field: 'buyer_gstin', rule: 'gstin' }] })

    const gstin = fakeGstin('29')
    const response = await client
      .post('/api/orders')
      .bearerToken(token)
      .json({ shipping_address: ADDRESS, buyer_gstin: gstin.toLowerCase() })
    response.assertStatus(201)
    response.assertAgainstApiSpec()
    assert.equal(response.body().data.buyer_gstin, gstin)
    const orderId = response.body().data.id

    // Later catalogue edits do not reach the order.
    await db.from('categories').where('id', inherited.categoryId).update({ hsn_code: '6206' })
    const items = await db
      .from('order_items')
      .where('order_id', orderId)
      .orderBy('product_id')
      .select('product_id', 'hsn_code')
    assert.deepEqual(
      items.map((item) => [item.product_id, item.hsn_code]),
      [
        [inherited.id, '6204'],
        [own.id, '61091000'],
      ]
    )
    const order = await db.from('orders').where('id', orderId).firstOrFail()
    assert.equal(order.buyer_gstin, gstin)
  })
})
