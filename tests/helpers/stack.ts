import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, openSync, closeSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import appEnv from '#start/env'
import { startMailCatcher } from '../../bin/mail_catcher.js'

/**
 * Private PostgreSQL and Redis instances, and the app's server and worker
 * as child processes pointed at them, for fault drills (tests/resilience):
 * the drill may kill, freeze and restart what it started here, never the
 * shared services. Everything is stopped by process id in `close()`.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function freePort() {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

function accepts(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

export async function waitFor<T>(check: () => Promise<T>, timeoutMs: number, what: string) {
  const started = Date.now()
  for (;;) {
    try {
      const value = await check()
      if (value) return value
    } catch {}
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms: ${what}`)
    await sleep(200)
  }
}

/** PostgreSQL's server binaries: `pg_config --bindir`, else Debian's versioned directory. */
function postgresBinDir() {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
    if (existsSync(join(dir, 'initdb'))) return dir
  } catch {}
  for (const version of ['17', '16', '15', '14', '13']) {
    const dir = `/usr/lib/postgresql/${version}/bin`
    if (existsSync(join(dir, 'initdb'))) return dir
  }
  throw new Error('PostgreSQL server binaries (initdb, postgres) not found')
}

function systemUser(name: string) {
  const [uid, gid] = ['-u', '-g'].map((flag) =>
    Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim())
  )
  return { uid, gid }
}

/** Every process below `pid` (a worker's Chromium and its helpers), deepest last. */
function descendants(pid: number) {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
  const children = new Map<number, number[]>()
  for (const line of table.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number)
    children.set(parent, [...(children.get(parent) ?? []), child])
  }
  const found: number[] = []
  const walk = (id: number) => {
    for (const child of children.get(id) ?? []) {
      found.push(child)
      walk(child)
    }
  }
  walk(pid)
  return found
}

function alive(child: ChildProcess) {
  return child.exitCode === null && child.signalCode === null
}

function exited(child: ChildProcess) {
  return alive(child) ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve()
}

export class Stack {
  #children = new Map<ChildProcess, string>()
  #dirs: string[] = []
  #closers: Array<() => Promise<unknown>> = []
  dir = ''

  async open() {
    this.dir = await mkdtemp(join(tmpdir(), 'resilience-'))
    this.#dirs.push(this.dir)
    return this
  }

  /** Starts a process and remembers it, its output appended to `<dir>/<name>.log`. */
  spawn(
    name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv = process.env,
    user?: { uid: number; gid: number }
  ) {
    const log = openSync(join(this.dir, `${name}.log`), 'a')
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', log, log], ...user })
    closeSync(log)
    this.#children.set(child, name)
    child.once('exit', () => this.#children.delete(child))
    return child
  }

  /** Stops one child: `signal`, then SIGKILL if it is still there after `graceMs`. */
  async stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000) {
    if (!alive(child)) return
    // A killed worker would leave its Chromium running (puppeteer detaches it).
    const below = child.pid ? descendants(child.pid) : []
    child.kill('SIGCONT')
    child.kill(signal)
    const timer = setTimeout(() => alive(child) && child.kill('SIGKILL'), graceMs)
    await exited(child)
    clearTimeout(timer)
    for (const pid of below) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {}
    }
  }

  /** The running children started under `name`. */
  children(name: string) {
    return [...this.#children].filter(([, n]) => n === name).map(([child]) => child)
  }

  /** Something else the drill started (a mail catcher), closed with the stack. */
  onClose(closer: () => Promise<unknown>) {
    this.#closers.push(closer)
  }

  /** The SMTP catcher on the test's SMTP_HOST:SMTP_PORT, where the children send their mail. */
  async mailCatcher() {
    const catcher = await startMailCatcher({
      host: appEnv.get('SMTP_HOST'),
      port: appEnv.get('SMTP_PORT'),
      quiet: true,
    })
    this.onClose(() => catcher.close())
    return catcher
  }

  /** Runs a group's setup; if it fails, stops what it had started already. */
  async guard(setup: () => Promise<void>) {
    try {
      await setup()
    } catch (error) {
      await this.close()
      throw error
    }
  }

  async close() {
    await Promise.all([...this.#children.keys()].map((child) => this.stop(child, 'SIGKILL', 0)))
    for (const closer of this.#closers.splice(0)) await closer()
    // RESILIENCE_KEEP_LOGS=1 keeps the children's logs (and data) to read after a failure.
    if (process.env.RESILIENCE_KEEP_LOGS) return console.log(`drill logs kept in ${this.dir}`)
    for (const dir of this.#dirs) await rm(dir, { recursive: true, force: true })
  }

  async redis() {
    const port = await freePort()
    const stack = this
    let child: ChildProcess | undefined
    const redis = {
      port,
      /** Empty, like a restart of a Redis that keeps nothing on disk. */
      async start() {
        child = stack.spawn('redis', 'redis-server', [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
        ])
        await waitFor(() => accepts(port), 10_000, `redis on ${port}`)
        return redis
      },
      async stop() {
        if (child) await stack.stop(child, 'SIGKILL', 0)
      },
      flush() {
        execFileSync('redis-cli', ['-p', String(port), 'flushall'], { stdio: 'ignore' })
      },
      /** Frozen: connections stay open, nothing answers. */
      freeze() {
        child?.kill('SIGSTOP')
      },
      thaw() {
        child?.kill('SIGCONT')
      },
    }
    return redis.start()
  }

  async postgres() {
    const bin = postgresBinDir()
    // PostgreSQL refuses to run as root: then it runs as the `postgres` system user.
    const owner = process.getuid?.() === 0 ? systemUser('postgres') : undefined
    const home = await mkdtemp(join(tmpdir(), 'resilience-pg-'))
    this.#dirs.push(home)
    if (owner) await chown(home, owner.uid, owner.gid)
    const data = join(home, 'data')
    const port = await freePort()
    execFileSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'],
      {
        stdio: 'ignore',
        ...owner,
      }
    )
    const stack = this
    let child: ChildProcess | undefined
    const postgres = {
      port,
      async start() {
        child = stack.spawn(
          'postgres',
          join(bin, 'postgres'),
          [
            '-D',
            data,
            '-p',
            String(port),
            '-k',
            home,
            '-c',
            'listen_addresses=127.0.0.1',
            '-c',
            'fsync=off',
          ],
          process.env,
          owner
        )
        await waitFor(() => accepts(port), 20_000, `postgres on ${port}`)
        return postgres
      },
      /** SIGINT: PostgreSQL's fast shutdown, ending every session, as a restart does. */
      async stop() {
        if (child) await stack.stop(child, 'SIGINT', 20_000)
      },
      async createDatabase(name: string) {
        await waitFor(
          async () => {
            execFileSync(
              join(bin, 'psql'),
              [
                '-h',
                '127.0.0.1',
                '-p',
                String(port),
                '-U',
                'postgres',
                '-c',
                `CREATE DATABASE ${name}`,
              ],
              { stdio: 'ignore' }
            )
            return true
          },
          10_000,
          `database ${name}`
        )
      },
    }
    return postgres.start()
  }

  /** `node ace <args>` with the app's TypeScript loader. */
  ace(name: string, args: string[], env: NodeJS.ProcessEnv) {
    return this.spawn(name, process.execPath, ['ace', ...args], env)
  }

  /** Runs an ace command to its end; rejects on a non-zero exit. */
  async aceRun(args: string[], env: NodeJS.ProcessEnv) {
    const child = this.ace(args[0].replace(/\W/g, '_'), args, env)
    const code = await new Promise((resolve) => child.once('exit', resolve))
    if (code !== 0) throw new Error(`node ace ${args.join(' ')} exited with ${code}`)
  }

  /** The HTTP server without hot reload; resolves once it answers /health/live. */
  async server(env: NodeJS.ProcessEnv) {
    const child = this.spawn(
      'server',
      process.execPath,
      ['--import', 'ts-node-maintained/register/esm', 'bin/server.ts'],
      env
    )
    const url = `http://127.0.0.1:${env.PORT}`
    await waitFor(
      async () => {
        if (!alive(child)) throw new Error('server exited')
        return (await fetch(`${url}/health/live`)).ok
      },
      60_000,
      'server up'
    )
    return { child, url }
  }

  /** `node ace queue:listen`; resolves once it has started. */
  async worker(env: NodeJS.ProcessEnv) {
    return this.ace('worker', ['queue:listen'], env)
  }
}

/** The environment of a child app process: the test's own, pointed at the given services. */
export function childEnv(overrides: Record<string, string | number>) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info' }
  for (const [key, value] of Object.entries(overrides)) env[key] = String(value)
  return env
}
