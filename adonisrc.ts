import { defineConfig } from '@adonisjs/core/app'

export default defineConfig({
  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/bouncer/commands'),
    () => import('@adonisjs/mail/commands'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    {
      file: () => import('@adonisjs/core/providers/repl_provider'),
      environment: ['repl', 'test'],
    },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/core/providers/edge_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/redis/redis_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/drive/drive_provider'),
    () => import('#providers/payments_provider'),
    () => import('@adonisjs/mail/mail_provider'),
    () => import('@rlanz/bull-queue/queue_provider'),
  ],

  preloads: [
    () => import('#start/routes'),
    () => import('#start/kernel'),
    () => import('#start/validator'),
    () => import('#start/view'),
    () => import('#start/outbox'),
  ],

  tests: {
    suites: [
      {
        // Fault drills: private PostgreSQL and Redis, the server and the
        // worker as child processes, killed and restarted on purpose.
        // First, while the test process is small: the run's later suites grow its heap.
        files: ['tests/resilience/**/*.spec.(js|ts)'],
        name: 'resilience',
        timeout: 150000,
      },
      {
        files: ['tests/unit/**/*.spec.(js|ts)'],
        name: 'unit',
        timeout: 10000,
      },
      {
        files: ['tests/functional/**/*.spec.(js|ts)'],
        name: 'functional',
        timeout: 60000,
      },
      {
        // Real worker, Redis queue, SMTP catcher and Chromium.
        files: ['tests/jobs/**/*.spec.(js|ts)'],
        name: 'jobs',
        timeout: 90000,
      },
      {
        // The panel in headless Chromium (Playwright), through the real HTTP server.
        files: ['tests/browser/**/*.spec.(js|ts)'],
        name: 'browser',
        timeout: 30000,
      },
    ],
    forceExit: true,
  },

  metaFiles: [
    { pattern: 'resources/views/**/*.edge', reloadServer: false },
    { pattern: 'public/**', reloadServer: false },
    { pattern: 'docs/**', reloadServer: false },
  ],

  hooks: {
    onBuildStarting: [],
  },
})
