/*
|--------------------------------------------------------------------------
| Service checks shared by `npm run setup`, `npm run dev` and `npm test`
|--------------------------------------------------------------------------
|
| Plain Node (no dependencies), so it works before `npm ci`. Run directly
| (`node bin/services.js [--test]`) it checks PostgreSQL and Redis at the
| hosts in .env (plus .env.test with --test) and exits 1 with one clear
| line per missing service instead of a stack trace later.
|
*/
import { existsSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'

/** KEY=value pairs of an env file (missing file: none). */
export function parseEnv(file) {
  const values = {}
  if (!existsSync(file)) return values
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/)
    if (match) values[match[1]] = match[2].replace(/^['"]|['"]$/g, '')
  }
  return values
}

export function reachable(host, port, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port) })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/** One line per service that does not answer; empty when all do. */
export async function missingServices(env) {
  const services = [
    {
      name: 'PostgreSQL',
      host: env.DB_HOST,
      port: env.DB_PORT,
      hint: 'start it with `pg_ctlcluster <version> main start` (or `docker compose up -d postgres`)',
    },
    {
      name: 'Redis',
      host: env.REDIS_HOST,
      port: env.REDIS_PORT,
      hint: 'start it with `redis-server --daemonize yes` (or `docker compose up -d redis`)',
    },
  ]
  const problems = []
  for (const service of services) {
    if (!(await reachable(service.host, service.port))) {
      problems.push(
        `${service.name} is not reachable at ${service.host}:${service.port} (from .env): ${service.hint}`
      )
    }
  }
  return problems
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync('.env')) {
    console.error('✖ No .env yet: run `npm run setup` first.')
    process.exit(1)
  }
  const env = {
    ...parseEnv('.env'),
    ...(process.argv.includes('--test') ? parseEnv('.env.test') : {}),
    ...process.env,
  }
  const problems = await missingServices(env)
  for (const problem of problems) console.error(`✖ ${problem}`)
  process.exit(problems.length ? 1 : 0)
}
