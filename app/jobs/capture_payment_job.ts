import app from '@adonisjs/core/services/app'
import { Job } from '@rlanz/bull-queue'
import CapturePayment from '#actions/payments/capture_payment'

export type CapturePaymentPayload = { orderId: number; razorpayPaymentId: string }

/**
 * Started by `payment.authorized` (start/outbox.ts): captures a verified
 * authorisation. Running twice captures once; a gateway outage leaves it to
 * the reconciliation (ReconcileAuthorizedPaymentsJob).
 */
export default class CapturePaymentJob extends Job {
  static get $$filepath() {
    return import.meta.url
  }

  async handle({ orderId, razorpayPaymentId }: CapturePaymentPayload) {
    await (await app.container.make(CapturePayment)).tryHandle(orderId, razorpayPaymentId)
  }

  async rescue(payload: CapturePaymentPayload, error: Error) {
    this.logger.error(`capture of order ${payload.orderId} failed: ${error.message}`)
  }
}
