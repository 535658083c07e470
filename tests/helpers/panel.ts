import app from '@adonisjs/core/services/app'
import PlaceOrder from '#actions/orders/place_order'
import Order from '#models/order'
import { createCustomer, createSeller } from '#tests/helpers/users'
import { ADDRESS, createProduct, markPaid, putInCart } from '#tests/helpers/commerce'

/**
 * A seller with a known business name: generated names such as "O'Keefe"
 * are HTML-escaped in pages, which would make text assertions flaky.
 */
export async function namedSeller(
  status: 'pending' | 'approved' | 'rejected',
  businessName: string
) {
  const seller = await createSeller(status)
  seller.fullName = `${businessName} Owner`
  await seller.save()
  seller.sellerProfile.businessName = businessName
  await seller.sellerProfile.save()
  return seller
}

/** A paid order with one item from each of two approved sellers, placed through checkout. */
export async function paidTwoSellerOrder() {
  const customer = await createCustomer()
  customer.fullName = 'Priya Sharma'
  await customer.save()
  const sellerA = await namedSeller('approved', 'Kurti House')
  const sellerB = await namedSeller('approved', 'Jhumka Point')
  const productA = await createProduct({ pricePaise: 30_000, title: 'Block Print Kurti' }, sellerA)
  const productB = await createProduct({ pricePaise: 45_000, title: 'Oxidised Jhumkas' }, sellerB)
  await putInCart(customer, productA, 1)
  await putInCart(customer, productB, 2)
  const placeOrder = await app.container.make(PlaceOrder)
  const placed = await placeOrder.handle(customer, { ...ADDRESS, line2: null })
  const orderId = placed.order.id
  await markPaid(orderId)
  const order = await Order.query().where('id', orderId).preload('items').firstOrFail()
  const itemA = order.items.find((item) => item.sellerId === sellerA.id)!
  const itemB = order.items.find((item) => item.sellerId === sellerB.id)!
  return { customer, sellerA, sellerB, order, itemA, itemB, productA, productB }
}
