import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'

/** Streams an invoice PDF from the private disk, after the route has authorised the download. */
export async function sendInvoicePdf(
  response: HttpContext['response'],
  file: { path: string; filename: string }
) {
  const bytes = await drive.use('private').getBytes(file.path)
  response.header('Content-Type', 'application/pdf')
  response.header('Content-Disposition', `inline; filename="${file.filename}"`)
  response.header('Cache-Control', 'private, no-store')
  return response.send(Buffer.from(bytes))
}
