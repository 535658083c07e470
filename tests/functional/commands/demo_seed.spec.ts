import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { resetState } from '#tests/helpers/database'

const run = promisify(execFile)

test.group('node ace db:seed', (group) => {
  group.each.setup(() => resetState())

  test('refuses to load the demo accounts in production', async ({ assert }) => {
    const failure = await run('node', ['ace', 'db:seed'], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        // A production boot refuses the sandbox gateway unless a staging host opts in.
        ALLOW_SANDBOX_PAYMENTS_IN_PRODUCTION: 'true',
      },
    }).then(
      () => null,
      (error) => error as { code: number; stdout: string; stderr: string }
    )

    assert.isNotNull(failure, 'the seeder ran in production')
    assert.notEqual(failure!.code, 0)
    assert.include(failure!.stdout + failure!.stderr, 'DEMO_SEED_IN_PRODUCTION')
    const [{ count }] = await db.from('users').count('* as count')
    assert.equal(Number(count), 0)
  }).timeout(60_000)
})
