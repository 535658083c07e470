/**
 * SQL: a refund of the payment whose Razorpay id is `paymentIdSql` (a
 * column or a `?` binding) is claimed, requested or done, and has not
 * failed since. A claim is written before the gateway is called, so two
 * callers (a retried job, the sweep, a concurrent cancel) never both ask
 * for the money back; a `refund_failed` row (gateway error, `refund.failed`
 * webhook) reopens it for the retry sweep. The payments log is append-only,
 * so the latest of these rows decides.
 */
export function refundInFlightSql(paymentIdSql: string) {
  return `EXISTS (
    SELECT 1 FROM payments claim
     WHERE claim.razorpay_payment_id = ${paymentIdSql}
       AND claim.event IN ('refund_claimed', 'refund_requested', 'refunded')
       AND NOT EXISTS (
         SELECT 1 FROM payments failure
          WHERE failure.razorpay_payment_id = claim.razorpay_payment_id
            AND failure.event = 'refund_failed'
            AND failure.id > claim.id))`
}
