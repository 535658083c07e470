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
| It also knows, per platform, how PostgreSQL, Redis, Chromium and
| pdftotext are installed and started, so every message can say exactly
| what to run on the machine at hand.
|
*/
import { spawnSync } from 'node:child_process'
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

/** Setup can only install or start a service on this machine, never on another host. */
export function isLocalHost(host) {
  return ['127.0.0.1', 'localhost', '::1', ''].includes(String(host ?? '').trim())
}

export function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0
}

/**
 * The platform families setup knows how to talk about. Only `debian`
 * (Debian, Ubuntu and derivatives) is installed into automatically; the
 * others get exact commands to run.
 */
export function detectPlatform() {
  const root = process.getuid?.() === 0
  if (process.platform === 'darwin') return { kind: 'macos', name: 'macOS', root }
  if (process.platform === 'win32') return { kind: 'windows', name: 'Windows', root }
  if (process.platform !== 'linux') return { kind: 'other', name: process.platform, root }
  const release = parseEnv('/etc/os-release')
  const family = `${release.ID ?? ''} ${release.ID_LIKE ?? ''}`.toLowerCase().split(/\s+/)
  const name = release.PRETTY_NAME || release.NAME || 'Linux'
  if (family.some((id) => ['debian', 'ubuntu'].includes(id))) {
    // Ubuntu ships Chromium only as a snap; everything else comes from apt as on Debian.
    const chromiumSnap = family.includes('ubuntu')
    return { kind: 'debian', name, root, chromiumSnap }
  }
  if (family.some((id) => ['fedora', 'rhel', 'centos'].includes(id))) {
    return { kind: 'fedora', name, root }
  }
  if (family.includes('arch')) return { kind: 'arch', name, root }
  return { kind: 'linux', name, root }
}

/**
 * What to run to install and start each piece, per platform. `install`
 * names the package(s); `start` brings a stopped server up.
 */
function recipes(platform) {
  const sudo = platform.root ? '' : 'sudo '
  switch (platform.kind) {
    case 'debian':
      return {
        postgresql: {
          install: `${sudo}apt-get install -y postgresql`,
          start: `${sudo}service postgresql start`,
        },
        redis: {
          install: `${sudo}apt-get install -y redis-server`,
          start: `${sudo}service redis-server start`,
        },
        chromium: {
          install: platform.chromiumSnap
            ? `${sudo}snap install chromium, and set CHROMIUM_PATH=/snap/bin/chromium in .env`
            : `${sudo}apt-get install -y chromium`,
        },
        pdftotext: { install: `${sudo}apt-get install -y poppler-utils` },
      }
    case 'macos':
      return {
        postgresql: {
          install: 'brew install postgresql@16',
          start: 'brew services start postgresql@16',
          // Homebrew's superuser is the login name; .env connects as `postgres`.
          after: 'createuser -s postgres',
        },
        redis: { install: 'brew install redis', start: 'brew services start redis' },
        chromium: {
          install:
            'brew install --cask chromium, and set CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium in .env',
        },
        pdftotext: { install: 'brew install poppler' },
      }
    case 'fedora':
      return {
        postgresql: {
          install: `${sudo}dnf install -y postgresql-server && ${sudo}postgresql-setup --initdb`,
          start: `${sudo}systemctl enable --now postgresql`,
          // Fedora's pg_hba.conf says ident for TCP; .env connects without a password.
          after: `set 127.0.0.1/32 to trust in /var/lib/pgsql/data/pg_hba.conf and ${sudo}systemctl reload postgresql`,
        },
        redis: {
          install: `${sudo}dnf install -y redis`,
          start: `${sudo}systemctl enable --now redis`,
        },
        chromium: {
          install: `${sudo}dnf install -y chromium, and set CHROMIUM_PATH=/usr/bin/chromium-browser in .env`,
        },
        pdftotext: { install: `${sudo}dnf install -y poppler-utils` },
      }
    case 'arch':
      return {
        postgresql: {
          install: `${sudo}pacman -S --needed postgresql && ${platform.root ? 'runuser -u postgres --' : 'sudo -u postgres'} initdb -E UTF8 -D /var/lib/postgres/data`,
          start: `${sudo}systemctl enable --now postgresql`,
        },
        redis: {
          install: `${sudo}pacman -S --needed redis`,
          start: `${sudo}systemctl enable --now redis`,
        },
        chromium: { install: `${sudo}pacman -S --needed chromium` },
        pdftotext: { install: `${sudo}pacman -S --needed poppler` },
      }
    case 'windows':
      return Object.fromEntries(
        ['postgresql', 'redis', 'chromium', 'pdftotext'].map((key) => [
          key,
          { install: 'run the project inside WSL 2 (Ubuntu) and `npm run setup` there' },
        ])
      )
    default:
      return {
        postgresql: {
          install: 'install PostgreSQL 15 or later with your package manager',
          start: 'start it with your service manager (or `docker compose up -d postgres`)',
        },
        redis: {
          install: 'install Redis 7 or later with your package manager',
          start: 'start it with your service manager (or `docker compose up -d redis`)',
        },
        chromium: { install: 'install Chromium and set CHROMIUM_PATH in .env' },
        pdftotext: { install: "install poppler's pdftotext" },
      }
  }
}

/** "install X, then start Y" for one piece (postgresql, redis, chromium, pdftotext). */
export function installHint(piece, platform = detectPlatform()) {
  const { install, start, after } = recipes(platform)[piece]
  return [install, start, after].filter(Boolean).join(', then ')
}

export function startHint(piece, platform = detectPlatform()) {
  return recipes(platform)[piece].start ?? recipes(platform)[piece].install
}

/** One line per service that does not answer; empty when all do. */
export async function missingServices(env) {
  const platform = detectPlatform()
  const services = [
    { name: 'PostgreSQL', piece: 'postgresql', host: env.DB_HOST, port: env.DB_PORT },
    { name: 'Redis', piece: 'redis', host: env.REDIS_HOST, port: env.REDIS_PORT },
  ]
  const problems = []
  for (const service of services) {
    if (!(await reachable(service.host, service.port))) {
      const how = isLocalHost(service.host)
        ? `run \`npm run setup\` (it starts or installs it where it can) or ${startHint(service.piece, platform)}`
        : 'start it on that host or fix the host and port in .env'
      problems.push(
        `${service.name} is not reachable at ${service.host}:${service.port} (from .env): ${how}`
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
