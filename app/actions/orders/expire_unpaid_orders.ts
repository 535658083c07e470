import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import IdempotencyKey from '#models/idempotency_key'
import { transitionOrder } from '#services/orders/order_state_machine'
import { releaseOrderStock } from '#actions/orders/release_order_stock'

/**
 * Expires `pending_payment` orders past their payment window and returns
 * their stock. Called by `node ace orders:expire` and the repeatable queue
 * job. Each order is handled in its own short transaction with its row
 * locked; orders another transaction holds (a customer cancelling right
 * now) are skipped and seen again on the next sweep. Returns how many
 * orders expired.
 */
export default class ExpireUnpaidOrders {
  async handle(batchSize = 200) {
    let expired = 0
    for (;;) {
      const ids: number[] = (
        await db
          .from('orders')
          .where('status', 'pending_payment')
          .where('expires_at', '<=', new Date())
          .orderBy('expires_at')
          .limit(batchSize)
          .select('id')
      ).map((row) => row.id)
      if (ids.length === 0) break

      let progressed = 0
      for (const id of ids) {
        const done = await db.transaction(async (trx) => {
          const order = await Order.query({ client: trx })
            .where('id', id)
            .where('status', 'pending_payment')
            .where('expires_at', '<=', new Date())
            .forUpdate()
            .skipLocked()
            .first()
          if (!order) return false
          await transitionOrder(trx, order, 'expired', { reason: 'payment window elapsed' })
          await releaseOrderStock(trx, order)
          return true
        })
        if (done) progressed++
      }
      expired += progressed
      if (progressed === 0 || ids.length < batchSize) break
    }

    // Idempotency keys are honoured for 24 hours; older ones are dead weight.
    await IdempotencyKey.query()
      .where('created_at', '<', db.raw(`now() - interval '24 hours'`))
      .delete()
    return expired
  }
}
