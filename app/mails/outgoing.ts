import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import encryption from '@adonisjs/core/services/encryption'
import { appUrl } from '#config/app'
import { passwordResetMinutes } from '#config/auth'
import TemplateMail from '#mails/template_mail'
import type { OnceMail } from '#services/messaging/mail_ledger'
import { loadOrderDetails, type OrderDetails } from '#services/orders/order_details'
import { invoiceState } from '#services/invoices/invoice_state'
import { orderInvoicePath } from '#services/invoices/invoice_files'
import { FULFILLABLE_ORDER_STATUSES, isIn } from '#enums/order_status'

export type MailPayload =
  | { mail: 'welcome'; userId: number }
  | { mail: 'password_reset'; userId: number; tokenId: number; sealedToken: string }
  | { mail: 'order_confirmation'; orderId: number }
  | { mail: 'seller_new_order'; orderId: number }
  | { mail: 'order_shipped'; orderId: number; itemIds: number[] }
  | { mail: 'order_delivered'; orderId: number; itemIds: number[] }
  | { mail: 'payment_failed'; orderId: number }

async function requireOrder(orderId: number) {
  const order = await loadOrderDetails(orderId)
  if (!order) throw new Error(`order ${orderId} not found`)
  return order
}

function customerMail(
  order: OrderDetails,
  kind: string,
  entity: string,
  subject: string,
  data: Record<string, unknown>,
  attach?: () => Promise<{ filename: string; content: Buffer; contentType: string }>
): OnceMail {
  return {
    kind,
    entity,
    recipient: order.customer.email,
    build: async () =>
      new TemplateMail({
        to: { address: order.customer.email, name: order.customer.fullName },
        subject,
        template: kind,
        data: { order, customer: order.customer, appUrl, ...data },
        attachments: attach ? [await attach()] : [],
      }),
  }
}

/**
 * The mails one job payload stands for (several for `seller_new_order`:
 * one per seller, each with only its own items). Nothing is rendered until
 * a mail is actually claimed for sending.
 */
export async function outgoingMails(payload: MailPayload): Promise<OnceMail[]> {
  switch (payload.mail) {
    case 'welcome': {
      const user = await db.from('users').where('id', payload.userId).first()
      if (!user) return []
      return [
        {
          kind: 'welcome',
          entity: `user:${user.id}`,
          recipient: user.email,
          build: async () =>
            new TemplateMail({
              to: { address: user.email, name: user.full_name },
              subject: 'Welcome to Meesho Marketplace',
              template: 'welcome',
              data: { name: user.full_name, role: user.role, appUrl },
            }),
        },
      ]
    }

    case 'password_reset': {
      const token = await db
        .from('password_reset_tokens')
        .join('users', 'users.id', 'password_reset_tokens.user_id')
        .where('password_reset_tokens.id', payload.tokenId)
        .whereNull('password_reset_tokens.used_at')
        .where('password_reset_tokens.expires_at', '>', new Date())
        .select('users.email', 'users.full_name', 'password_reset_tokens.expires_at')
        .first()
      // Used or expired before the mail went out: nothing worth sending.
      if (!token) return []
      const raw = encryption.decrypt<string>(payload.sealedToken)
      if (!raw) throw new Error('password reset token could not be unsealed (APP_KEY changed?)')
      return [
        {
          kind: 'password_reset',
          entity: `reset_token:${payload.tokenId}`,
          recipient: token.email,
          build: async () =>
            new TemplateMail({
              to: { address: token.email, name: token.full_name },
              subject: 'Reset your Meesho Marketplace password',
              template: 'password_reset',
              data: {
                name: token.full_name,
                token: raw,
                resetUrl: `${appUrl}/reset-password?token=${encodeURIComponent(raw)}`,
                minutes: passwordResetMinutes,
                appUrl,
              },
            }),
        },
      ]
    }

    case 'order_confirmation': {
      const order = await requireOrder(payload.orderId)
      const state = await invoiceState(order.id)
      // Cancelled before it was invoiced: there is no order left to confirm.
      if (state === 'none') return []
      if (state !== 'ready') {
        // Retried with backoff until the invoice job has stored the PDF.
        throw new Error(`invoice of order ${order.id} is not ready yet`)
      }
      return [
        customerMail(
          order,
          'order_confirmation',
          `order:${order.id}`,
          `Order ${order.number} confirmed`,
          { items: order.items },
          async () => ({
            filename: `Invoice-${order.number}.pdf`,
            content: Buffer.from(await drive.use('private').getBytes(orderInvoicePath(order.id))),
            contentType: 'application/pdf',
          })
        ),
      ]
    }

    case 'seller_new_order': {
      const order = await requireOrder(payload.orderId)
      // Cancelled (or refunded) before the job ran: nothing to pack and ship.
      if (!isIn(FULFILLABLE_ORDER_STATUSES, order.status)) return []
      return order.sellers.map((seller) => {
        const items = order.items.filter((item) => item.sellerId === seller.id)
        const subtotal = items.reduce((sum, item) => sum + item.lineTotalPaise, 0)
        return {
          kind: 'seller_new_order',
          entity: `order:${order.id}`,
          recipient: seller.email,
          build: async () =>
            new TemplateMail({
              to: { address: seller.email, name: seller.businessName },
              subject: `New order ${order.number}: ${items.length} item(s) to ship`,
              template: 'seller_new_order',
              data: { order, seller, items, subtotal, appUrl },
            }),
        }
      })
    }

    case 'order_shipped':
    case 'order_delivered': {
      const order = await requireOrder(payload.orderId)
      const ids = [...payload.itemIds].sort((a, b) => a - b)
      const items = order.items.filter((item) => ids.includes(item.id))
      if (items.length === 0) return []
      const shipped = payload.mail === 'order_shipped'
      return [
        customerMail(
          order,
          payload.mail,
          `order:${order.id}:items:${ids.join(',')}`,
          `${shipped ? 'Shipped' : 'Delivered'}: ${items.length} item(s) from order ${order.number}`,
          { items }
        ),
      ]
    }

    case 'payment_failed': {
      const order = await requireOrder(payload.orderId)
      return [
        customerMail(
          order,
          'payment_failed',
          `order:${order.id}`,
          `Payment for order ${order.number} did not go through`,
          { items: order.items }
        ),
      ]
    }
  }
}
