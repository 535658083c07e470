/*
|--------------------------------------------------------------------------
| npm run setup  (and npm run db:reset)
|--------------------------------------------------------------------------
|
| Idempotent first-run setup: installs dependencies (only when
| package-lock.json changed), writes .env with a fresh APP_KEY, makes sure
| PostgreSQL, Redis, Chromium and pdftotext are there (installing and
| starting them with apt as root on Debian/Ubuntu, otherwise saying exactly
| what to run), creates the dev and test databases, migrates both and
| seeds demo data. Plain Node (no dependencies) so it runs before `npm ci`.
|
| `node bin/setup.js --reset-db` drops and recreates the development
| database only, then migrates and seeds it again.
|
| SETUP_NO_APT=1 turns every apt-get step off; SETUP_SKIP_INSTALL=1 skips
| npm ci.
|
*/
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs'
import { userInfo } from 'node:os'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import {
  detectPlatform,
  hasCommand,
  installHint,
  isLocalHost,
  missingServices,
  parseEnv,
  reachable,
  startHint,
} from './services.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

const step = (message) => console.log(`\n› ${message}`)
const note = (message) => console.log(`  ${message}`)
const fail = (message) => {
  console.error(`\n✖ ${message}`)
  process.exit(1)
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status})`)
}

/** Runs a command whose failure the caller reports itself. */
function attempt(command, args, options = {}) {
  return spawnSync(command, args, { stdio: 'inherit', ...options }).status === 0
}

function output(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  return result.status === 0 ? result.stdout : ''
}

async function answersWithin(host, port, seconds) {
  for (let waited = 0; waited < seconds * 2; waited++) {
    if (await reachable(host, port, 1000)) return true
    await sleep(500)
  }
  return false
}

// The developer's shell wins over the files, as it does when the app boots.
function loadEnv() {
  const file = parseEnv('.env')
  return {
    env: { ...file, ...process.env },
    testEnv: { ...file, ...parseEnv('.env.test'), ...process.env },
  }
}

const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`

async function connectAdmin(env) {
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
      `PostgreSQL at ${env.DB_HOST}:${env.DB_PORT} refused user "${env.DB_USER}": ${error.message}. Check DB_USER / DB_PASSWORD in .env, or allow that user from ${env.DB_HOST} in the server's pg_hba.conf (the defaults expect trust on 127.0.0.1).`
    )
  }
  return admin
}

function migrateAndSeed({ test }) {
  step('Migrating the development database')
  run('node', ['ace', 'migration:run', '--force'], {
    env: { ...process.env, NODE_ENV: 'development' },
  })
  if (test) {
    step('Migrating the test database')
    run('node', ['ace', 'migration:run', '--force'], { env: { ...process.env, NODE_ENV: 'test' } })
  }
  step('Seeding demo data')
  run('node', ['ace', 'db:seed'], { env: { ...process.env, NODE_ENV: 'development' } })
}

/*
|--------------------------------------------------------------------------
| npm run db:reset
|--------------------------------------------------------------------------
*/
if (process.argv.includes('--reset-db')) {
  if (!existsSync('.env') || !existsSync('node_modules')) {
    fail('Run `npm run setup` first (no .env or node_modules yet).')
  }
  const { env, testEnv } = loadEnv()
  // An exported DB_DATABASE overrides .env and .env.test alike: then "dev" would be the test database.
  if (env.DB_DATABASE === testEnv.DB_DATABASE) {
    fail(
      `DB_DATABASE is "${env.DB_DATABASE}" for development and for the tests (an exported DB_DATABASE overrides both files): refusing to reset the test database. Unset it or point it elsewhere.`
    )
  }
  const problems = await missingServices(env)
  if (problems.length) fail(problems.join('\n✖ '))
  step(`Dropping and recreating the development database ${env.DB_DATABASE}`)
  const admin = await connectAdmin(env)
  // WITH (FORCE) ends the connections of a running `npm run dev`; it reconnects on its next query.
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(env.DB_DATABASE)} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${quoteIdent(env.DB_DATABASE)}`)
  await admin.end()
  migrateAndSeed({ test: false })
  console.log(
    `\n✔ ${env.DB_DATABASE} is fresh again, with the demo data. The test database ${testEnv.DB_DATABASE} was not touched.`
  )
  process.exit(0)
}

/*
|--------------------------------------------------------------------------
| 1. Dependencies
|--------------------------------------------------------------------------
| npm ci deletes and rewrites node_modules, which takes minutes: skip it when
| package-lock.json (and the Node ABI native modules were built for) is the
| one the last successful install used.
*/
const LOCK_HASH_FILE = join('node_modules', '.setup-lock-hash')

function lockHash() {
  return createHash('sha256')
    .update(readFileSync('package-lock.json'))
    .update(`\0${process.versions.modules}\0${process.platform}-${process.arch}`)
    .digest('hex')
}

if (process.env.SETUP_SKIP_INSTALL === '1') {
  step('Skipping npm ci (SETUP_SKIP_INSTALL=1)')
} else if (
  existsSync('node_modules') &&
  existsSync(LOCK_HASH_FILE) &&
  existsSync('package-lock.json') &&
  readFileSync(LOCK_HASH_FILE, 'utf8').trim() === lockHash()
) {
  step('Dependencies are current (package-lock.json unchanged since the last install)')
  note(`delete ${LOCK_HASH_FILE} to force npm ci`)
} else {
  step('Installing dependencies (npm ci)')
  run('npm', ['ci', '--no-audit', '--no-fund'])
  writeFileSync(LOCK_HASH_FILE, `${lockHash()}\n`)
}

/*
|--------------------------------------------------------------------------
| 2. .env with a fresh APP_KEY
|--------------------------------------------------------------------------
*/
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

const { env, testEnv } = loadEnv()

/*
|--------------------------------------------------------------------------
| 3. System packages and services
|--------------------------------------------------------------------------
| Chromium renders invoice PDFs and drives browser tests, poppler-utils
| (pdftotext) reads PDFs back in tests. PostgreSQL and Redis must answer at
| the host:port in .env. Missing pieces are installed with apt only as root
| on Debian/Ubuntu (and never with SETUP_NO_APT=1); a server that is
| installed but stopped is started where setup has the rights to.
*/
step('Checking PostgreSQL, Redis, Chromium and pdftotext')
const platform = detectPlatform()
const aptRefusal =
  process.env.SETUP_NO_APT === '1'
    ? 'SETUP_NO_APT=1'
    : platform.kind !== 'debian'
      ? `apt is only used on Debian/Ubuntu, this is ${platform.name}`
      : !platform.root
        ? 'not root'
        : hasCommand('apt-get')
          ? null
          : 'no apt-get'
const APT_ENV = {
  ...process.env,
  DEBIAN_FRONTEND: 'noninteractive',
  // PostgreSQL's package creates its first cluster in the installer's locale:
  // without one that is SQL_ASCII, and the app stores non-ASCII text (₹ signs, names).
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
}

function postgresBinaries() {
  if (!existsSync('/usr/lib/postgresql')) return []
  return readdirSync('/usr/lib/postgresql')
    .filter((version) => existsSync(`/usr/lib/postgresql/${version}/bin/postgres`))
    .sort((a, b) => Number(a) - Number(b))
}

/** Debian's clusters (pg_lsclusters), or null where postgresql-common is absent. */
function pgClusters() {
  if (!hasCommand('pg_lsclusters')) return null
  return output('pg_lsclusters', ['--no-header'])
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [version, name, port, status, owner, dataDir, log] = line.trim().split(/\s+/)
      const online = status.startsWith('online')
      return { version, name, port: Number(port), online, owner, dataDir, log }
    })
}

const services = [
  {
    name: 'PostgreSQL',
    piece: 'postgresql',
    aptPackage: 'postgresql',
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    installed: () =>
      platform.kind === 'debian'
        ? postgresBinaries().length > 0
        : hasCommand('postgres') || hasCommand('pg_ctl'),
  },
  {
    name: 'Redis',
    piece: 'redis',
    aptPackage: 'redis-server',
    host: env.REDIS_HOST,
    port: Number(env.REDIS_PORT),
    installed: () => hasCommand('redis-server'),
  },
]
const [postgres, redis] = services

const problems = []
const aptPackages = []

for (const service of services) {
  service.up = await reachable(service.host, service.port)
  if (service.up) continue
  const where = `${service.name} is not reachable at ${service.host}:${service.port} (from .env)`
  if (!isLocalHost(service.host)) {
    problems.push(`${where}; setup manages only this machine: start it there or fix .env`)
  } else if (service.installed()) {
    // Installed but stopped: started below.
  } else if (!aptRefusal) {
    aptPackages.push(service.aptPackage)
    service.installing = true
  } else {
    problems.push(
      `${where}; it is not installed and setup cannot install it (${aptRefusal}): ${installHint(service.piece, platform)}`
    )
  }
}

const chromium = env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!existsSync(chromium)) {
  if (chromium !== '/usr/bin/chromium') {
    problems.push(`CHROMIUM_PATH=${chromium} (from .env) does not exist: fix it or remove it`)
  } else if (!aptRefusal && !platform.chromiumSnap) {
    aptPackages.push('chromium')
  } else {
    const why = aptRefusal ?? 'Ubuntu has it only as a snap'
    problems.push(
      `Chromium is not at ${chromium}, and setup cannot install it (${why}): ${installHint('chromium', platform)}`
    )
  }
}
if (!hasCommand('pdftotext')) {
  if (!aptRefusal) aptPackages.push('poppler-utils')
  else
    problems.push(
      `pdftotext is missing, and setup cannot install it (${aptRefusal}): ${installHint('pdftotext', platform)}`
    )
}

if (problems.length) fail(problems.join('\n✖ '))

if (aptPackages.length) {
  // A thousand lines of dpkg output would bury what setup says: they go to a log.
  const aptLog = join('tmp', 'setup-apt.log')
  mkdirSync('tmp', { recursive: true })
  note(`installing ${aptPackages.join(', ')} with apt-get (output in ${aptLog}; a few minutes)`)
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...aptPackages]]) {
    const logFd = openSync(aptLog, 'a')
    const result = spawnSync('apt-get', args, { env: APT_ENV, stdio: ['ignore', logFd, logFd] })
    closeSync(logFd)
    if (result.status !== 0) {
      const tail = readFileSync(aptLog, 'utf8').trimEnd().split('\n').slice(-15).join('\n')
      console.error(tail)
      fail(`\`apt-get ${args.join(' ')}\` failed (exit ${result.status}): see ${aptLog}`)
    }
  }
}

/*
| A server setup has just installed belongs to this project: it gets the
| port from .env and, for PostgreSQL, passwordless loopback access for the
| app (trust on 127.0.0.1 and ::1, the defaults' assumption). A server that
| was there before is never reconfigured: setup says what to change.
*/
const HBA_MARK = '# Added by `npm run setup`'

function configureNewPostgres() {
  let clusters = pgClusters() ?? []
  if (!clusters.length) {
    const version = postgresBinaries().at(-1)
    run('pg_createcluster', [version, 'main', '--port', String(postgres.port)], { env: APT_ENV })
    clusters = pgClusters() ?? []
  }
  const cluster = clusters.find((c) => c.name === 'main') ?? clusters[0]
  const label = `${cluster.version}/${cluster.name}`
  if (cluster.port !== postgres.port) {
    run('pg_conftool', [cluster.version, cluster.name, 'set', 'port', String(postgres.port)])
    note(`PostgreSQL ${label}: port set to ${postgres.port} (DB_PORT in .env)`)
  }
  const hba = `/etc/postgresql/${cluster.version}/${cluster.name}/pg_hba.conf`
  const current = readFileSync(hba, 'utf8')
  if (!current.includes(HBA_MARK)) {
    const rules = [
      `${HBA_MARK}, which installed this server: the app connects over TCP`,
      '# from this machine only, without a password, as .env says.',
      'host    all             all             127.0.0.1/32            trust',
      'host    all             all             ::1/128                 trust',
      '',
    ].join('\n')
    // pg_hba.conf is first match wins: the rules go before the package's own.
    const lines = current.split('\n')
    const firstRule = lines.findIndex((line) => line.trim() && !line.trim().startsWith('#'))
    lines.splice(firstRule === -1 ? lines.length : firstRule, 0, rules)
    writeFileSync(hba, lines.join('\n'))
    note(`PostgreSQL ${label}: trust for 127.0.0.1/32 and ::1/128 added to ${hba}`)
  }
  if (cluster.online) run('pg_ctlcluster', [cluster.version, cluster.name, 'restart'])
}

const REDIS_CONF = '/etc/redis/redis.conf'
const redisConfPort = () =>
  Number(readFileSync(REDIS_CONF, 'utf8').match(/^port\s+(\d+)/m)?.[1] ?? 6379)
const canUseRedisService = () =>
  platform.root &&
  hasCommand('service') &&
  existsSync(REDIS_CONF) &&
  (existsSync('/etc/init.d/redis-server') || existsSync('/run/systemd/system'))

function configureNewRedis() {
  if (!existsSync(REDIS_CONF) || redisConfPort() === redis.port) return
  const conf = readFileSync(REDIS_CONF, 'utf8').replace(/^port\s+\d+/m, `port ${redis.port}`)
  writeFileSync(REDIS_CONF, conf)
  note(`Redis: port set to ${redis.port} (REDIS_PORT in .env) in ${REDIS_CONF}`)
  // The package started it on its default port; move it.
  if (canUseRedisService()) attempt('service', ['redis-server', 'restart'])
}

if (postgres.installing) configureNewPostgres()
if (redis.installing) configureNewRedis()

/** Starts a local PostgreSQL that is installed but down; a problem line or null. */
async function startPostgres() {
  const clusters = pgClusters()
  if (!clusters) {
    return `PostgreSQL is installed but not reachable at ${postgres.host}:${postgres.port} (from .env): ${startHint('postgresql', platform)}`
  }
  const cluster = clusters.find((c) => c.port === postgres.port)
  if (!cluster) {
    const known = clusters.map((c) => `${c.version}/${c.name} on ${c.port}`).join(', ')
    if (!clusters.length) {
      return `PostgreSQL is installed but has no cluster: run \`pg_createcluster ${postgresBinaries().at(-1)} main --port ${postgres.port} --start\``
    }
    const [first] = clusters
    return `PostgreSQL is installed but no cluster uses port ${postgres.port} (DB_PORT in .env; clusters: ${known}): set DB_PORT to one of those ports, or set \`port = ${postgres.port}\` in /etc/postgresql/${first.version}/${first.name}/postgresql.conf and run \`pg_ctlcluster ${first.version} ${first.name} restart\``
  }
  const label = `${cluster.version}/${cluster.name}`
  if (cluster.online) {
    return `PostgreSQL ${label} runs on port ${cluster.port} but does not answer at ${postgres.host}:${postgres.port}: check listen_addresses in /etc/postgresql/${label}/postgresql.conf`
  }
  if (!platform.root && userInfo().username !== cluster.owner) {
    return `PostgreSQL ${label} (port ${cluster.port}) is stopped and setup cannot start it (not root): sudo pg_ctlcluster ${cluster.version} ${cluster.name} start`
  }
  note(`starting PostgreSQL ${label}: pg_ctlcluster ${cluster.version} ${cluster.name} start`)
  if (!attempt('pg_ctlcluster', [cluster.version, cluster.name, 'start'])) {
    return `\`pg_ctlcluster ${cluster.version} ${cluster.name} start\` failed: see ${cluster.log}`
  }
  return null
}

/** Starts a local Redis that is installed but down; a problem line or null. */
async function startRedis() {
  if (canUseRedisService() && redisConfPort() === redis.port) {
    note('starting Redis: service redis-server start')
    if (
      attempt('service', ['redis-server', 'start']) &&
      (await answersWithin(redis.host, redis.port, 10))
    ) {
      return null
    }
  }
  // No service of ours to start (not root, no init system, or the system
  // Redis uses another port): a private instance on the port from .env.
  const dir = join(root, 'tmp', 'redis')
  mkdirSync(dir, { recursive: true })
  const args = [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '-::1',
    '--port',
    String(redis.port),
    '--dir',
    dir,
    '--logfile',
    join(dir, 'redis.log'),
    '--pidfile',
    join(dir, 'redis.pid'),
    ...(env.REDIS_PASSWORD ? ['--requirepass', env.REDIS_PASSWORD] : []),
  ]
  note(
    `starting Redis: redis-server --daemonize yes --port ${redis.port} (data and log in tmp/redis; rerun setup after a reboot)`
  )
  if (!attempt('redis-server', args)) {
    return `\`redis-server --daemonize yes --port ${redis.port}\` failed: see ${join('tmp', 'redis', 'redis.log')}`
  }
  return null
}

for (const service of services) {
  if (service.up) continue
  // The package's installer may have started it already (on the port now configured).
  if (service.installing && (await answersWithin(service.host, service.port, 3))) continue
  const problem = service === postgres ? await startPostgres() : await startRedis()
  if (problem) {
    problems.push(problem)
  } else if (!(await answersWithin(service.host, service.port, 30))) {
    problems.push(
      `${service.name} was started but does not answer at ${service.host}:${service.port} after 30 s: see its log`
    )
  }
}
if (problems.length) fail(problems.join('\n✖ '))

// Debian's server has only the `postgres` superuser; a setup-installed server gets the .env user too.
if (postgres.installing && env.DB_USER && env.DB_USER !== 'postgres') {
  const sql = `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${env.DB_USER.replace(/'/g, "''")}') THEN CREATE ROLE ${quoteIdent(env.DB_USER)} LOGIN SUPERUSER; END IF; END $$`
  run('runuser', ['-u', 'postgres', '--', 'psql', '-q', '-p', String(postgres.port), '-c', sql], {
    cwd: '/',
  })
  note(`PostgreSQL: role ${env.DB_USER} created`)
}

note(
  `PostgreSQL at ${env.DB_HOST}:${env.DB_PORT} and Redis at ${env.REDIS_HOST}:${env.REDIS_PORT} answer; Chromium at ${chromium}; pdftotext found`
)

/*
|--------------------------------------------------------------------------
| 4. Databases, migrations, demo data
|--------------------------------------------------------------------------
*/
step('Creating databases')
const admin = await connectAdmin(env)
for (const name of new Set([env.DB_DATABASE, testEnv.DB_DATABASE])) {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
  if (rowCount === 0) {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`)
    note(`created ${name}`)
  } else {
    note(`${name} exists`)
  }
}
await admin.end()

migrateAndSeed({ test: true })

console.log('\n✔ Setup complete. Start the app with `npm run dev`, run the checks with `npm test`.')
