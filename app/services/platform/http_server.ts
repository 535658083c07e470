import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request headers or URL are too large'],
  HPE_URI_TOO_LONG: [414, 'Request URL is too long'],
}

/**
 * The Node HTTP server, with one addition: requests Node rejects before
 * AdonisJS sees them (headers or URL past 16 KB, a malformed request line)
 * still get the API's JSON error shape instead of a bare status line.
 */
export function createHttpServer(handler: (req: IncomingMessage, res: ServerResponse) => any) {
  const server = createServer(handler)
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy()
      return
    }
    const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Malformed HTTP request']
    const body = JSON.stringify({ errors: [{ message, code: 'E_BAD_REQUEST' }] })
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 414 ? 'URI Too Long' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    )
  })
  return server
}
