import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'

type Recorded = { method: string; path: string; body: any; authorized: boolean }

/**
 * A stand-in for api.razorpay.com on 127.0.0.1, answering the endpoints
 * the SDK calls with Razorpay-shaped entities and checking HTTP Basic auth,
 * so the real SDK code path runs end to end without the internet.
 */
export class FakeRazorpay {
  requests: Recorded[] = []
  /** When set, every call answers with this HTTP status (gateway trouble). */
  failWith: number | null = null
  /** What Razorpay says of a new refund: `processed` at once, or `pending` (a webhook follows). */
  refundStatus: 'processed' | 'pending' = 'processed'
  private server: Server | null = null
  private payments = new Map<string, any>()

  constructor(
    private keyId: string,
    private keySecret: string
  ) {}

  get url() {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`
  }

  /** Registers a payment as Razorpay would know it after checkout. */
  addPayment(payment: { id: string; order_id: string; amount: number; status?: string }) {
    this.payments.set(payment.id, {
      entity: 'payment',
      currency: 'INR',
      status: 'captured',
      ...payment,
    })
  }

  async start() {
    this.server = createServer(async (req, res) => {
      const body = await readJson(req)
      const expected = `Basic ${Buffer.from(`${this.keyId}:${this.keySecret}`).toString('base64')}`
      const authorized = req.headers.authorization === expected
      this.requests.push({ method: req.method!, path: req.url!, body, authorized })
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(payload))
      }
      if (this.failWith) {
        return send(this.failWith, {
          error: { code: 'SERVER_ERROR', description: 'The server is busy' },
        })
      }
      if (!authorized) {
        return send(401, {
          error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' },
        })
      }
      const id = () => randomBytes(7).toString('hex')
      let match: RegExpMatchArray | null
      if (req.method === 'POST' && req.url === '/v1/orders') {
        return send(200, {
          id: `order_${id()}`,
          entity: 'order',
          amount: body.amount,
          amount_paid: 0,
          amount_due: body.amount,
          currency: body.currency,
          receipt: body.receipt,
          status: 'created',
          attempts: 0,
          notes: body.notes,
          created_at: Math.floor(Date.now() / 1000),
        })
      }
      if (req.method === 'POST' && (match = req.url!.match(/^\/v1\/payments\/([^/]+)\/refund$/))) {
        return send(200, {
          id: `rfnd_${id()}`,
          entity: 'refund',
          amount: body.amount,
          currency: 'INR',
          payment_id: match[1],
          notes: body.notes,
          status: this.refundStatus,
          created_at: Math.floor(Date.now() / 1000),
        })
      }
      if (req.method === 'POST' && (match = req.url!.match(/^\/v1\/payments\/([^/]+)\/capture$/))) {
        const known = this.payments.get(match[1])
        if (known && known.status !== 'authorized') {
          return send(400, {
            error: {
              code: 'BAD_REQUEST_ERROR',
              description: `This payment is ${known.status} and cannot be captured`,
            },
          })
        }
        // A payment the fake was not told about is one checkout just authorised.
        const payment = {
          entity: 'payment',
          order_id: null,
          ...known,
          id: match[1],
          amount: body.amount,
          currency: body.currency,
          status: 'captured',
        }
        this.payments.set(payment.id, payment)
        return send(200, payment)
      }
      if (req.method === 'GET' && (match = req.url!.match(/^\/v1\/payments\/([^/]+)$/))) {
        const payment = this.payments.get(match[1])
        return payment
          ? send(200, payment)
          : send(400, {
              error: { code: 'BAD_REQUEST_ERROR', description: 'The id provided does not exist' },
            })
      }
      send(404, {
        error: { code: 'BAD_REQUEST_ERROR', description: 'The requested URL was not found' },
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    return this
  }

  async stop() {
    await new Promise((resolve) => this.server?.close(resolve))
  }
}

function readJson(req: IncomingMessage) {
  return new Promise<any>((resolve) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      try {
        resolve(raw ? JSON.parse(raw) : null)
      } catch {
        resolve(raw)
      }
    })
  })
}
