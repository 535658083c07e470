import Razorpay from 'razorpay'
import {
  GatewayUnavailableError,
  PaymentGateway,
  type GatewayOrder,
  type GatewayPayment,
  type GatewayRefund,
} from '#services/payments/payment_gateway'

/** SDK errors are `{ statusCode, error: { description } }`; network failures are plain errors. */
function describe(error: unknown) {
  const err = error as { statusCode?: number; error?: { description?: string }; message?: string }
  if (err?.statusCode) return `HTTP ${err.statusCode}: ${err.error?.description ?? 'error'}`
  return err?.message ?? 'unknown error'
}

/**
 * Razorpay through its official SDK. Amounts are paise on both sides.
 * `apiUrl` points the SDK's HTTP client elsewhere (a local fake in tests);
 * the SDK hard-codes api.razorpay.com and has no timeout of its own.
 */
export class RazorpayGateway extends PaymentGateway {
  readonly name = 'razorpay' as const
  private client: Razorpay

  constructor(
    readonly keyId: string,
    protected readonly keySecret: string,
    protected readonly webhookSecret: string,
    options: { apiUrl?: string; timeoutMs?: number } = {}
  ) {
    super()
    this.client = new Razorpay({ key_id: keyId, key_secret: keySecret })
    const http = (this.client as any).api.rq
    http.defaults.timeout = options.timeoutMs ?? 10_000
    if (options.apiUrl) http.defaults.baseURL = options.apiUrl
  }

  private async call<T>(operation: () => Promise<T>) {
    try {
      return await operation()
    } catch (error) {
      throw new GatewayUnavailableError(describe(error))
    }
  }

  async createOrder(input: {
    amountPaise: number
    currency: string
    receipt: string
    notes: Record<string, string>
  }): Promise<GatewayOrder> {
    const order = await this.call(() =>
      this.client.orders.create({
        amount: input.amountPaise,
        currency: input.currency,
        receipt: input.receipt,
        notes: input.notes,
      })
    )
    return {
      id: order.id,
      amountPaise: Number(order.amount),
      currency: order.currency,
      receipt: order.receipt ?? input.receipt,
    }
  }

  async refund(
    paymentId: string,
    amountPaise: number,
    notes: Record<string, string>
  ): Promise<GatewayRefund> {
    const refund = await this.call(() =>
      this.client.payments.refund(paymentId, { amount: amountPaise, notes })
    )
    return {
      id: refund.id,
      paymentId: refund.payment_id,
      amountPaise: Number(refund.amount),
      status: refund.status as GatewayRefund['status'],
    }
  }

  async fetchPayment(paymentId: string): Promise<GatewayPayment> {
    return toPayment(await this.call(() => this.client.payments.fetch(paymentId)))
  }

  async capture(paymentId: string, amountPaise: number, currency: string) {
    return toPayment(
      await this.call(() => this.client.payments.capture(paymentId, amountPaise, currency))
    )
  }
}

function toPayment(payment: {
  id: string
  order_id: string
  amount: number | string
  currency: string
  status: string
}): GatewayPayment {
  return {
    id: payment.id,
    orderId: payment.order_id,
    amountPaise: Number(payment.amount),
    currency: payment.currency,
    status: payment.status as GatewayPayment['status'],
  }
}
