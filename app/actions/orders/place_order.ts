import { createHash } from 'node:crypto'
import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { settings } from '#services/platform/settings'
import type User from '#models/user'
import Order, { type ShippingAddress } from '#models/order'
import OrderItem from '#models/order_item'
import IdempotencyKey from '#models/idempotency_key'
import type { GstRate } from '#enums/gst_rate'
import { ConflictError, DomainError, FieldInvalidError } from '#exceptions/domain_errors'
import { applyStockChanges } from '#services/inventory/stock'
import { sellable } from '#services/catalog/sellable'
import { shippingFor } from '#services/orders/pricing'
import { assertSuppliable } from '#services/tax/supply'
import { openOrder } from '#services/orders/order_state_machine'
import RequestPayment from '#actions/payments/request_payment'

type Line = {
  productId: number
  quantity: number
  title: string
  sellerId: number
  pricePaise: number
  gstRate: number
  hsnCode: string | null
  stock: number
  sellable: boolean
}

const IDEMPOTENCY_WINDOW_HOURS = 24

/**
 * Turns the customer's cart into a `pending_payment` order in one
 * transaction: locks the products in id order, checks every line (one 409
 * lists every short line), reserves stock through the ledger, snapshots
 * title, price, GST rate and seller into the items, empties the cart.
 *
 * With an Idempotency-Key, requests with the same key from the same
 * customer are serialised on an advisory lock; all but the first get the
 * first one's order back (`replayed`), whatever its status now, with a null
 * `payment` once it can no longer be paid. Only after commit is the gateway
 * asked for a payment order (never inside the stock transaction); if it is
 * down, `payment` is null, the order stands and `POST /api/orders/:id/pay`
 * retries.
 */
@inject()
export default class PlaceOrder {
  constructor(private requestPayment: RequestPayment) {}

  async handle(
    customer: User,
    address: ShippingAddress,
    idempotencyKey?: string,
    { buyerGstin = null }: { buyerGstin?: string | null } = {}
  ) {
    // A buyer GSTIN is part of the request (the hash of requests without one is unchanged).
    const request = buyerGstin ? { ...address, buyerGstin } : address
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex')

    const { orderId, replayed } = await db.transaction(async (trx) => {
      if (idempotencyKey) {
        const previous = await this.claimKey(trx, customer.id, idempotencyKey, requestHash)
        if (previous) return { orderId: previous, replayed: true }
      }
      const id = await this.createOrder(trx, customer, address, buyerGstin)
      if (idempotencyKey) {
        await IdempotencyKey.create(
          { userId: customer.id, key: idempotencyKey, requestHash, orderId: id },
          { client: trx }
        )
      }
      return { orderId: id, replayed: false }
    })

    const order = await Order.findOrFail(orderId)
    // A retry after the order moved on (paid, cancelled, expired) gets that order as it is now.
    const payment =
      replayed && !RequestPayment.isPayable(order)
        ? null
        : await this.requestPayment.tryHandle(order)
    return { order, payment, replayed }
  }

  /** Returns the order already placed with this key, if any. */
  private async claimKey(
    trx: TransactionClientContract,
    userId: number,
    key: string,
    requestHash: string
  ): Promise<number | null> {
    await trx.rawQuery('SELECT pg_advisory_xact_lock(?, hashtext(?))', [userId, key])
    const existing = await IdempotencyKey.query({ client: trx })
      .where({ user_id: userId, key })
      .first()
    if (!existing) return null
    if (existing.createdAt <= DateTime.now().minus({ hours: IDEMPOTENCY_WINDOW_HOURS })) {
      await existing.delete()
      return null
    }
    if (existing.requestHash !== requestHash) {
      throw new DomainError('This Idempotency-Key was already used for a different request', {
        status: 422,
        code: 'E_IDEMPOTENCY_KEY_REUSED',
      })
    }
    return existing.orderId
  }

  private async createOrder(
    trx: TransactionClientContract,
    customer: User,
    address: ShippingAddress,
    buyerGstin: string | null
  ) {
    const lines = await this.lockCartLines(trx, customer.id)
    if (lines.length === 0) {
      throw new FieldInvalidError('cart', 'notEmpty', 'Your cart is empty')
    }

    const problems = lines.flatMap((line) => {
      if (!line.sellable) {
        return [
          { message: `“${line.title}” is no longer available`, field: `product_${line.productId}` },
        ]
      }
      if (line.stock < line.quantity) {
        return [
          {
            message:
              line.stock === 0
                ? `“${line.title}” is out of stock`
                : `Only ${line.stock} of “${line.title}” left (you asked for ${line.quantity})`,
            field: `product_${line.productId}`,
          },
        ]
      }
      return []
    })
    if (problems.length) throw ConflictError.listing(problems, 'E_INSUFFICIENT_STOCK')
    await assertSuppliable(trx, lines, address.state)

    const subtotal = lines.reduce((sum, line) => sum + line.pricePaise * line.quantity, 0)
    const shipping = shippingFor(subtotal)
    const now = DateTime.now()
    const {
      rows: [{ n: sequence }],
    } = await trx.rawQuery(`SELECT nextval('order_number_seq') AS n`)

    const order = await openOrder(
      {
        number: `MO-${now.setZone('Asia/Kolkata').year}-${String(sequence).padStart(6, '0')}`,
        customerId: customer.id,
        paymentStatus: 'created',
        subtotalPaise: subtotal,
        shippingPaise: shipping,
        totalPaise: subtotal + shipping,
        currency: 'INR',
        shippingAddress: address,
        buyerGstin,
        placedAt: now,
        expiresAt: now.plus({ minutes: settings.paymentWindowMinutes() }),
      },
      { trx, actorId: customer.id, reason: 'placed' }
    )

    await OrderItem.createMany(
      lines.map((line) => ({
        orderId: order.id,
        productId: line.productId,
        sellerId: line.sellerId,
        title: line.title,
        unitPricePaise: line.pricePaise,
        quantity: line.quantity,
        gstRate: line.gstRate as GstRate,
        hsnCode: line.hsnCode,
        lineTotalPaise: line.pricePaise * line.quantity,
        fulfillmentStatus: 'pending' as const,
      })),
      { client: trx }
    )
    await applyStockChanges(
      trx,
      lines.map((line) => ({
        productId: line.productId,
        delta: -line.quantity,
        reason: 'order_reserved',
        referenceType: 'order',
        referenceId: order.id,
      }))
    )
    await trx.from('cart_items').where('user_id', customer.id).delete()
    return order.id
  }

  /** Cart lines with their products locked FOR UPDATE, in product id order (no deadlocks). */
  private async lockCartLines(trx: TransactionClientContract, userId: number): Promise<Line[]> {
    // Sellable is read from the locked row: a seller disabled or suspended
    // meanwhile has re-decided it under the same row lock (a trigger).
    const { rows } = await trx.rawQuery(
      `SELECT p.id, c.quantity, p.title, p.seller_id, p.price_paise, p.gst_rate, p.stock,
              COALESCE(p.hsn_code, cat.hsn_code) AS hsn_code, ${sellable('p')} AS sellable
         FROM cart_items c
         JOIN products p ON p.id = c.product_id
         JOIN categories cat ON cat.id = p.category_id
        WHERE c.user_id = ?
        ORDER BY p.id
          FOR UPDATE OF p`,
      [userId]
    )
    return rows.map((row: any) => ({
      productId: row.id,
      quantity: row.quantity,
      title: row.title,
      sellerId: row.seller_id,
      pricePaise: row.price_paise,
      gstRate: row.gst_rate,
      hsnCode: row.hsn_code,
      stock: row.stock,
      sellable: row.sellable === true,
    }))
  }
}
