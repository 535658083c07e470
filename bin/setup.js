/*
|--------------------------------------------------------------------------
| npm run setup
|--------------------------------------------------------------------------
|
| Idempotent first-run setup: installs dependencies, writes .env with a
| fresh APP_KEY, checks PostgreSQL and Redis, installs Chromium when it can,
| creates the dev and test databases, migrates both and seeds demo data.
| Plain Node (no dependencies) so it runs before `npm ci`.
|
*/
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { missingServices, parseEnv } from './services.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

const step = (message) => console.log(`\n› ${message}`)
const fail = (message) => {
  console.error(`\n✖ ${message}`)
  process.exit(1)
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status})`)
}

// 1. Dependencies
if (process.env.SETUP_SKIP_INSTALL !== '1') {
  step('Installing dependencies (npm ci)')
  run('npm', ['ci', '--no-audit', '--no-fund'])
}

// 2. .env with a fresh APP_KEY
if (!existsSync('.env')) {
  step('Creating .env from .env.example with a fresh APP_KEY')
  const example = readFileSync('.env.example', 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync('.env', example.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`))
} else if (!parseEnv('.env').APP_KEY) {
  step('Adding a fresh APP_KEY to .env')
  const key = randomBytes(32).toString('base64url')
  const current = readFileSync('.env', 'utf8')
  writeFileSync(
    '.env',
    /^APP_KEY=/m.test(current)
      ? current.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`)
      : `${current}\nAPP_KEY=${key}\n`
  )
} else {
  step('.env exists; keeping it')
}

const env = { ...parseEnv('.env'), ...process.env }
const testEnv = { ...env, ...parseEnv('.env.test') }

// 3. Services
step('Checking services')
const problems = await missingServices(env)
if (problems.length) fail(problems.join('\n✖ '))
console.log(
  `  PostgreSQL at ${env.DB_HOST}:${env.DB_PORT} and Redis at ${env.REDIS_HOST}:${env.REDIS_PORT} answer`
)

// 4. System packages: Chromium renders invoice PDFs and drives browser tests,
//    poppler-utils (pdftotext) reads PDFs back in tests.
step('Checking Chromium and pdftotext')
const chromium = env.CHROMIUM_PATH || '/usr/bin/chromium'
const missing = []
if (!existsSync(chromium)) missing.push('chromium')
if (spawnSync('sh', ['-c', 'command -v pdftotext'], { stdio: 'ignore' }).status !== 0) {
  missing.push('poppler-utils')
}
if (missing.length) {
  const canApt =
    process.getuid?.() === 0 &&
    spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (!canApt) {
    fail(
      `Missing system packages: ${missing.join(', ')}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}) or set CHROMIUM_PATH.`
    )
  }
  console.log(`  installing ${missing.join(', ')} with apt-get`)
  run('apt-get', ['update', '-qq'])
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
} else {
  console.log(`  found ${chromium} and pdftotext`)
}

// 5. Databases
step('Creating databases')
const { default: pg } = await import('pg')
const admin = new pg.Client({
  host: env.DB_HOST,
  port: Number(env.DB_PORT),
  user: env.DB_USER,
  password: env.DB_PASSWORD || undefined,
  database: 'postgres',
})
try {
  await admin.connect()
} catch (error) {
  fail(
    `PostgreSQL at ${env.DB_HOST}:${env.DB_PORT} refused user "${env.DB_USER}": ${error.message}. Check DB_USER / DB_PASSWORD in .env.`
  )
}
for (const name of [env.DB_DATABASE, testEnv.DB_DATABASE]) {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
  if (rowCount === 0) {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
    console.log(`  created ${name}`)
  } else {
    console.log(`  ${name} exists`)
  }
}
await admin.end()

// 6. Migrate both databases, seed the development one
step('Migrating the development database')
run('node', ['ace', 'migration:run', '--force'], {
  env: { ...process.env, NODE_ENV: 'development' },
})
step('Migrating the test database')
run('node', ['ace', 'migration:run', '--force'], { env: { ...process.env, NODE_ENV: 'test' } })
step('Seeding demo data')
run('node', ['ace', 'db:seed'], { env: { ...process.env, NODE_ENV: 'development' } })

console.log('\n✔ Setup complete. Start the app with `npm run dev`, run the checks with `npm test`.')
