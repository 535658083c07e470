import { randomBytes } from 'node:crypto'
import {
  PaymentGateway,
  type GatewayOrder,
  type GatewayPayment,
  type GatewayRefund,
} from '#services/payments/payment_gateway'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Razorpay ids are a prefix and 14 base62 characters, e.g. order_NvZ3o7kR2xYb1Q. */
export function razorpayStyleId(prefix: 'order' | 'pay' | 'rfnd' | 'evt') {
  const bytes = randomBytes(14)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return `${prefix}_${id}`
}

/**
 * Offline stand-in for Razorpay: no network, same id shapes and the same
 * signatures, so everything past the gateway runs the production code.
 */
export class SandboxGateway extends PaymentGateway {
  readonly name = 'sandbox' as const
  private orders = new Map<string, GatewayOrder>()

  constructor(
    readonly keyId: string,
    protected readonly keySecret: string,
    protected readonly webhookSecret: string
  ) {
    super()
  }

  async createOrder(input: { amountPaise: number; currency: string; receipt: string }) {
    const order = {
      id: razorpayStyleId('order'),
      amountPaise: input.amountPaise,
      currency: input.currency,
      receipt: input.receipt,
    }
    this.orders.set(order.id, order)
    return order
  }

  async refund(paymentId: string, amountPaise: number): Promise<GatewayRefund> {
    return { id: razorpayStyleId('rfnd'), paymentId, amountPaise, status: 'processed' }
  }

  async fetchPayment(paymentId: string): Promise<GatewayPayment> {
    return { id: paymentId, orderId: '', amountPaise: 0, currency: 'INR', status: 'captured' }
  }
}
