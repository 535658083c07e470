import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import Order from '#models/order'
import PlaceOrder from '#actions/orders/place_order'
import RequestPayment from '#actions/payments/request_payment'
import ApplyPaymentEvent from '#actions/payments/apply_payment_event'
import FulfilOrderItem from '#actions/fulfillment/fulfil_order_item'
import { razorpayStyleId } from '#services/payments/sandbox_gateway'

const ADDRESS = {
  name: 'Priya Sharma',
  phone: '9123456780',
  line1: '21, Civil Lines',
  line2: null,
  city: 'Jaipur',
  state: 'Rajasthan',
  pincode: '302006',
}

/**
 * A few orders for the demo customer, placed and paid through the real
 * actions, so the panel and the order API have something to show: one
 * delivered, one shipped in part, one paid and waiting. Runs only while
 * the demo customer has no orders. Their invoices and mails are produced
 * by the worker (`npm run dev`) from the outbox, like any other order.
 */
export async function seedDemoOrders() {
  const customer = await User.findBy('email', 'customer@demo.meesho.local')
  const seller = await User.findBy('email', 'seller@demo.meesho.local')
  if (!customer || !seller) return
  if (await Order.query().where('customer_id', customer.id).first()) return

  const own = await db
    .from('products')
    .where({ seller_id: seller.id, is_visible: true })
    .where('stock', '>=', 5)
    .orderBy('id')
    .limit(3)
    .select('id')
  const other = await db
    .from('products')
    .whereNot('seller_id', seller.id)
    .where({ is_visible: true })
    .where('stock', '>=', 5)
    .orderBy('id')
    .limit(1)
    .select('id')
  if (own.length < 3 || other.length < 1) return

  const place = await app.container.make(PlaceOrder)
  const requestPayment = await app.container.make(RequestPayment)
  const applyPayment = await app.container.make(ApplyPaymentEvent)
  const fulfil = await app.container.make(FulfilOrderItem)

  const paidOrder = async (lines: { id: number; quantity: number }[]) => {
    await db.table('cart_items').multiInsert(
      lines.map((line) => ({
        user_id: customer.id,
        product_id: line.id,
        quantity: line.quantity,
        created_at: new Date(),
        updated_at: new Date(),
      }))
    )
    const placed = await place.handle(customer, ADDRESS)
    // Null only when the gateway was down; asking again says why.
    const payment = placed.payment ?? (await requestPayment.handle(placed.order))
    await applyPayment.captured({
      razorpayOrderId: payment.razorpay_order_id,
      razorpayPaymentId: razorpayStyleId('pay'),
      amountPaise: payment.amount_paise,
      currency: payment.currency,
      status: 'captured',
      source: 'system',
    })
    return db.from('order_items').where('order_id', placed.order.id).orderBy('id')
  }

  const delivered = await paidOrder([{ id: own[0].id, quantity: 1 }])
  await fulfil.handle(seller, delivered[0].order_id, delivered[0].id, 'shipped')
  await fulfil.handle(seller, delivered[0].order_id, delivered[0].id, 'delivered')

  const mixed = await paidOrder([
    { id: own[1].id, quantity: 2 },
    { id: other[0].id, quantity: 1 },
  ])
  const ownLine = mixed.find((item) => item.seller_id === seller.id)
  await fulfil.handle(seller, ownLine.order_id, ownLine.id, 'shipped')

  await paidOrder([{ id: own[2].id, quantity: 1 }])
}
