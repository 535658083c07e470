/*
|--------------------------------------------------------------------------
| npm run dev
|--------------------------------------------------------------------------
|
| Runs everything the app needs in development as one command: the HTTP
| server (API, panel, docs) with hot reload, plus the helpers listed in
| PROCESSES. One Ctrl-C stops them all.
|
*/
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { missingServices, parseEnv, reachable } from './services.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

if (!existsSync('.env') || !existsSync('node_modules')) {
  console.error('✖ Run `npm run setup` first (no .env or node_modules yet).')
  process.exit(1)
}

const env = { ...parseEnv('.env'), ...process.env }

const problems = await missingServices(env)
if (problems.length) {
  for (const problem of problems) console.error(`✖ ${problem}`)
  process.exit(1)
}

const host = env.HOST || '127.0.0.1'
const port = Number(env.PORT || 3333)
const url = `http://${host}:${port}`

const portInUse = (p) => reachable(host, p)

// `node ace serve` silently moves to a random port when its own is taken.
if (await portInUse(port)) {
  console.error(
    `✖ Port ${port} on ${host} is already in use. Stop whatever runs there or set PORT in .env.`
  )
  process.exit(1)
}

const smtpHost = env.SMTP_HOST || '127.0.0.1'
const smtpPort = Number(env.SMTP_PORT || 2525)
const localMail = ['127.0.0.1', 'localhost', '::1'].includes(smtpHost)

// The catcher only when mail stays on this machine (Mailtrap needs none).
if (localMail && (await portInUse(smtpPort))) {
  console.error(
    `✖ SMTP port ${smtpPort} on ${smtpHost} is already in use. Stop whatever runs there or set SMTP_PORT in .env.`
  )
  process.exit(1)
}

const PROCESSES = [
  { name: 'web', args: ['ace', 'serve', '--hmr'] },
  { name: 'worker', args: ['ace', 'queue:listen'] },
  ...(localMail ? [{ name: 'mail', args: ['bin/mail_catcher.js'] }] : []),
]

const children = PROCESSES.map(({ name, args }) => {
  const child = spawn(process.execPath, args, { stdio: 'inherit', detached: true })
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`✖ ${name} exited (code ${code}); stopping the rest.`)
      stop(code ?? 1)
    }
  })
  return child
})

let stopping = false
function stop(code = 0) {
  if (stopping) return
  stopping = true
  // SIGINT, not SIGTERM: `ace serve` and the queue worker only clean up their children on SIGINT.
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGINT')
    } catch {}
  }
  setTimeout(() => process.exit(code), 3000).unref()
  Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r))))
  ).then(() => process.exit(code))
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

// Print where things are once the server answers.
for (let i = 0; i < 120 && !stopping; i++) {
  await new Promise((r) => setTimeout(r, 500))
  try {
    const response = await fetch(`${url}/health/live`)
    if (response.ok) {
      console.log(`
  Marketplace is running

  API        ${url}/api
  API docs   ${url}/docs
  Panel      ${url}/panel (sellers and admins)
  Health     ${url}/health/ready
  Mail       ${localMail ? `smtp://${smtpHost}:${smtpPort}, saved to storage/mail/` : `${smtpHost}:${smtpPort}`}
  Worker     node ace queue:listen (jobs:failed / jobs:retry to inspect)

  Demo logins (password Meesho@2026)
    admin      admin@demo.meesho.local
    seller     seller@demo.meesho.local
    customer   customer@demo.meesho.local

  Ctrl-C stops everything.
`)
      break
    }
  } catch {}
}
