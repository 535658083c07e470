import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

async function freePort() {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * The HTTP server booted as in production (NODE_ENV=production), in a child
 * process on a free port, with `overrides` on top of the tests' environment.
 * Its log lines (JSON in production) are kept for the test to read.
 */
export async function startProductionServer(overrides: Record<string, string> = {}) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const child = spawn(
    process.execPath,
    ['--import', 'ts-node-maintained/register/esm', 'bin/server.ts'],
    {
      cwd: app.appRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        APP_URL: url,
        APP_KEY: env.get('APP_KEY'),
        LOG_LEVEL: 'error',
        // The tests' sandbox gateway, as a staging host would run it.
        ALLOW_SANDBOX_PAYMENTS_IN_PRODUCTION: 'true',
        ...overrides,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  )
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))

  const deadline = Date.now() + 30_000
  while (true) {
    try {
      if ((await fetch(`${url}/health/live`)).ok) break
    } catch {}
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill()
      throw new Error(`The production server did not start:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }

  return {
    url,
    /** Complete log lines so far (the logger writes from a worker thread, a moment later). */
    logLines: () => output.split('\n').slice(0, -1),
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/**
 * A production server whose database does not exist: every query fails with
 * an exception that names the database, the text an error page must not show.
 */
export function startProductionServerWithoutDatabase() {
  return startProductionServer({
    DB_DATABASE: `${env.get('DB_DATABASE')}_absent`,
    SESSION_DRIVER: 'redis',
  })
}
