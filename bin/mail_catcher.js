/*
|--------------------------------------------------------------------------
| Local SMTP catcher (development and tests)
|--------------------------------------------------------------------------
|
| Accepts every mail on SMTP_HOST:SMTP_PORT, prints a one-line summary and
| saves it as .eml under storage/mail/. `npm run dev` runs it; the tests
| start it in-process with startMailCatcher() and read the parsed mails.
| Cloud setups point SMTP_* at Mailtrap instead and do not run this.
|
*/
import { SMTPServer } from 'smtp-server'
import { simpleParser } from 'mailparser'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * `greylist`: addresses refused once with a temporary 451 (as greylisting
 * servers do), so tests can watch a job retry a partly sent batch.
 *
 * @param {{ host?: string, port: number, saveDir?: string | null, quiet?: boolean, greylist?: string[] }} options
 */
export async function startMailCatcher({
  host = '127.0.0.1',
  port,
  saveDir = null,
  quiet = false,
  greylist = [],
}) {
  const refuseOnce = new Set(greylist.map((a) => a.toLowerCase()))
  /** @type {import('mailparser').ParsedMail[]} */
  const messages = []
  /** @type {Array<() => void>} */
  let listeners = []
  if (saveDir) mkdirSync(saveDir, { recursive: true })

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'marketplace mail catcher',
    size: 25 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const rcpt = address.address.toLowerCase()
      if (refuseOnce.delete(rcpt)) {
        const error = Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 })
        return callback(error)
      }
      callback()
    },
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'catcher' })
    },
    onData(stream, session, callback) {
      const chunks = []
      stream.on('data', (chunk) => chunks.push(chunk))
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks)
        try {
          const parsed = await simpleParser(raw)
          const rcpt = session.envelope.rcptTo.map((r) => r.address)
          const stamp = new Date().toISOString().replace(/[:.]/g, '-')
          if (saveDir) {
            const suffix = Math.random().toString(16).slice(2, 10)
            writeFileSync(join(saveDir, `${stamp}-${suffix}.eml`), raw)
          }
          messages.push(parsed)
          if (!quiet) {
            const files = parsed.attachments.map((a) => a.filename).join(', ')
            console.log(
              `✉ ${rcpt.join(', ')} · ${parsed.subject ?? '(no subject)'}${files ? ` · 📎 ${files}` : ''}`
            )
          }
          const current = listeners
          listeners = []
          current.forEach((notify) => notify())
          callback()
        } catch (error) {
          callback(error)
        }
      })
    },
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(undefined))
  })

  return {
    messages,
    clear() {
      messages.length = 0
      refuseOnce.clear()
    },
    /** Refuse the next delivery to this address with a temporary 451. */
    greylist(address) {
      refuseOnce.add(address.toLowerCase())
    },
    /** Resolves once `count` mails in total have arrived (or rejects after `timeoutMs`). */
    waitFor(count, timeoutMs = 20000) {
      return new Promise((resolve, reject) => {
        const started = Date.now()
        const check = () => {
          if (messages.length >= count) return resolve([...messages])
          if (Date.now() - started > timeoutMs) {
            return reject(new Error(`expected ${count} mails, got ${messages.length}`))
          }
          listeners.push(check)
          setTimeout(check, 200)
        }
        check()
      })
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve(undefined)))
    },
  }
}

// `node bin/mail_catcher.js` runs it standalone with the settings from .env.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const env = {}
  try {
    for (const line of readFileSync(join(root, '.env'), 'utf8').split('\n')) {
      const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/)
      if (match) env[match[1]] = match[2]
    }
  } catch {}
  Object.assign(env, process.env)
  const host = env.SMTP_HOST || '127.0.0.1'
  const port = Number(env.SMTP_PORT || 2525)
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    console.log(`Mail goes to ${host}:${port} (SMTP_HOST is not local); no catcher needed.`)
  } else {
    try {
      await startMailCatcher({ host, port, saveDir: join(root, 'storage', 'mail') })
      console.log(`Mail catcher on smtp://${host}:${port}, saving to storage/mail/`)
    } catch (error) {
      console.error(`✖ Mail catcher could not listen on ${host}:${port}: ${error.message}`)
      process.exit(1)
    }
    const stop = () => process.exit(0)
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  }
}
