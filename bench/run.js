/*
 * npm run bench: seeds a large catalog into its own database
 * (<DB_DATABASE>_bench), builds and starts the production server and the
 * node:http + pg reference server, loads them from a separate process on
 * 127.0.0.1 in bounded runs, and prints req/s, p50 and p99 per endpoint.
 * The app runs twice: without the Redis list cache (the same work as the
 * reference) and with it (10 s TTL; one hot key per run, so nearly all hits).
 * Results go to bench/results/. Not part of npm test.
 *
 * BENCH_PRODUCTS (200000), BENCH_CONNECTIONS (32), BENCH_DURATION seconds (10),
 * BENCH_PORT (PORT + 50; the reference server uses the next port, the cached app the one after).
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

const dotenv = {}
for (const line of readFileSync('.env', 'utf8').split('\n')) {
  const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/)
  if (match) dotenv[match[1]] = match[2]
}
const base = { ...dotenv, ...process.env }
const products = Number(base.BENCH_PRODUCTS ?? 200_000)
const connections = Number(base.BENCH_CONNECTIONS ?? 32)
const duration = Number(base.BENCH_DURATION ?? 10)
const appPort = Number(base.BENCH_PORT ?? Number(base.PORT ?? 3333) + 50)
const refPort = appPort + 1
const cachedPort = appPort + 2
const database = `${base.DB_DATABASE}_bench`
const env = {
  ...base,
  DB_DATABASE: database,
  PORT: String(appPort),
  APP_URL: `http://127.0.0.1:${appPort}`,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
}

function run(args, label) {
  console.log(`› ${label}`)
  const result = spawnSync(process.execPath, args, { env, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${label} failed`)
}

const client = (name) =>
  new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD || undefined,
    database: name,
  })

// 1. A catalog of the requested size in its own database.
const admin = client('postgres')
await admin.connect()
const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
if (!exists.rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`)
await admin.end()
run(['ace', 'migration:run', '--force'], `migrate ${database}`)
run(['ace', 'db:seed'], 'demo data')
const counter = client(database)
await counter.connect()
const have = Number((await counter.query('SELECT count(*) FROM products')).rows[0].count)
if (have < products) {
  run(['ace', 'catalog:generate', `--products=${products - have}`], `catalog:generate ${products - have}`)
}
const slug = (await counter.query('SELECT slug FROM products WHERE is_visible ORDER BY id LIMIT 1')).rows[0].slug
const total = Number((await counter.query('SELECT count(*) FROM products')).rows[0].count)
await counter.end()

// 2. The built app and the reference server.
run(['ace', 'build'], 'node ace build')
const started = []
function start(args, port, extra = {}) {
  const child = spawn(process.execPath, args, { env: { ...env, ...extra, PORT: String(port) }, stdio: 'inherit' })
  started.push(child)
  return child
}
async function ready(port) {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/products?per_page=1`)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server on ${port} did not start`)
}
const stopAll = () => started.forEach((child) => child.kill('SIGTERM'))
process.on('exit', stopAll)

start(['build/bin/server.js'], appPort, { CATALOG_CACHE_TTL_SECONDS: '0' })
start(['bench/reference_server.js'], refPort)
start(['build/bin/server.js'], cachedPort, { CATALOG_CACHE_TTL_SECONDS: '10' })
await Promise.all([ready(appPort), ready(refPort), ready(cachedPort)])

// 3. Bounded load from a separate process, one endpoint at a time.
const endpoints = [
  ['list', '/api/products'],
  ['category', '/api/products?category=women-ethnic'],
  ['search', '/api/products?search=cotton%20saree'],
  ['detail', `/api/products/${slug}`],
]
function load(url, seconds) {
  const result = spawnSync(process.execPath, ['bench/load.js', url, String(connections), String(seconds)], {
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(result.stderr)
  return JSON.parse(result.stdout)
}
const rows = []
for (const [name, path] of endpoints) {
  const row = { name }
  for (const [server, port] of [['app', appPort], ['reference', refPort], ['cached', cachedPort]]) {
    load(`http://127.0.0.1:${port}${path}`, 2) // warm-up
    row[server] = load(`http://127.0.0.1:${port}${path}`, duration)
  }
  rows.push(row)
}
stopAll()

// 4. Report.
const f = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-IN') : n.toFixed(1))
const cpus = (await import('node:os')).cpus()
const lines = [
  `${total.toLocaleString('en-IN')} products, ${connections} connections, ${duration} s per run, ` +
    `${cpus.length} × ${cpus[0]?.model.trim()}, Node ${process.version}`,
  '',
  '| endpoint | app req/s | app p50 ms | app p99 ms | reference req/s | reference p50 ms | reference p99 ms | app + cache req/s | app + cache p50 ms | app + cache p99 ms | errors |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${f(r.app.rps)} | ${f(r.app.p50)} | ${f(r.app.p99)} | ${f(r.reference.rps)} | ` +
      `${f(r.reference.p50)} | ${f(r.reference.p99)} | ${f(r.cached.rps)} | ${f(r.cached.p50)} | ` +
      `${f(r.cached.p99)} | ${r.app.errors + r.reference.errors + r.cached.errors} |`
  ),
]
console.log(`\n${lines.join('\n')}\n`)
mkdirSync('bench/results', { recursive: true })
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
writeFileSync(`bench/results/${stamp}.json`, JSON.stringify({ total, connections, duration, rows }, null, 2))
writeFileSync('bench/results/latest.md', `${lines.join('\n')}\n`)
console.log(`written to bench/results/${stamp}.json and bench/results/latest.md`)
process.exit(0)
