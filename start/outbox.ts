/*
|--------------------------------------------------------------------------
| Outbox routes
|--------------------------------------------------------------------------
|
| Every outbox event type and the jobs it starts, in one place. Jobs are
| imported lazily (as routes import controllers), so the outbox service
| never depends on the jobs that record events through it.
|
*/
import outbox, { type OutboxRoute } from '#services/queue/outbox'
import type { MailPayload } from '#jobs/send_mail_job'

const sendMail = () => import('#jobs/send_mail_job')
const generateInvoices = () => import('#jobs/generate_invoices_job')
const capturePayment = () => import('#jobs/capture_payment_job')
const refundPayment = () => import('#jobs/refund_payment_job')

const mailRoute = (mail: MailPayload['mail']): OutboxRoute => ({
  key: mail,
  queue: 'mail',
  job: sendMail,
  payload: (payload) => ({ ...payload, mail }),
})

outbox.useRoutes({
  'user.registered': [mailRoute('welcome')],
  'password_reset.requested': [mailRoute('password_reset')],
  'order.paid': [
    { key: 'invoices', queue: 'invoices', job: generateInvoices, payload: (p) => ({ ...p }) },
    mailRoute('seller_new_order'),
  ],
  // The customer's confirmation waits for the invoice so it can attach it.
  'order.invoiced': [mailRoute('order_confirmation')],
  'order_item.shipped': [mailRoute('order_shipped')],
  'order_item.delivered': [mailRoute('order_delivered')],
  'payment.failed': [mailRoute('payment_failed')],
  'payment.authorized': [
    { key: 'capture', queue: 'default', job: capturePayment, payload: (p) => ({ ...p }) },
  ],
  'payment.refund_owed': [
    { key: 'refund', queue: 'default', job: refundPayment, payload: (p) => ({ ...p }) },
  ],
})
