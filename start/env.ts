/*
|--------------------------------------------------------------------------
| Environment variables
|--------------------------------------------------------------------------
|
| Validated at boot: a missing or malformed variable stops the process
| with its name. Every variable is documented in .env.example.
|
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.string(),
  // Defaults to http://HOST:PORT (config/app.ts).
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.enum([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),
  TZ: Env.schema.string.optional(),

  DB_HOST: Env.schema.string({ format: 'host' }),
  DB_PORT: Env.schema.number(),
  DB_USER: Env.schema.string(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string(),
  DB_POOL_MAX: Env.schema.number.optional(),

  REDIS_HOST: Env.schema.string({ format: 'host' }),
  REDIS_PORT: Env.schema.number(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  REDIS_DB: Env.schema.number.optional(),

  // Defaults to redis in production, cookie otherwise (config/session.ts).
  SESSION_DRIVER: Env.schema.enum.optional(['cookie', 'memory', 'redis'] as const),
  LIMITER_STORE: Env.schema.enum(['redis', 'memory'] as const),
  AUTH_RATE_LIMIT_PER_MINUTE: Env.schema.number.optional(),
  ACCESS_TOKEN_EXPIRES_IN: Env.schema.string.optional(),
  SELLER_AUTO_APPROVE: Env.schema.boolean.optional(),
  // Seconds a storefront list page stays in Redis (0 turns the cache off).
  CATALOG_CACHE_TTL_SECONDS: Env.schema.number.optional(),

  SMTP_HOST: Env.schema.string({ format: 'host' }),
  SMTP_PORT: Env.schema.number(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
  MAIL_FROM_ADDRESS: Env.schema.string({ format: 'email' }),
  MAIL_FROM_NAME: Env.schema.string(),

  DRIVE_DISK: Env.schema.enum(['fs'] as const),
  STORAGE_PATH: Env.schema.string.optional(),

  ORDER_PAYMENT_TTL_MINUTES: Env.schema.number.optional(),
  FREE_SHIPPING_THRESHOLD_PAISE: Env.schema.number.optional(),
  SHIPPING_FEE_PAISE: Env.schema.number.optional(),
  RETURN_WINDOW_DAYS: Env.schema.number.optional(),

  PAYMENT_GATEWAY: Env.schema.enum.optional(['sandbox', 'razorpay'] as const),
  RAZORPAY_KEY_ID: Env.schema.string.optional(),
  RAZORPAY_KEY_SECRET: Env.schema.string.optional(),
  RAZORPAY_WEBHOOK_SECRET: Env.schema.string.optional(),
  RAZORPAY_API_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  SANDBOX_WEBHOOKS: Env.schema.boolean.optional(),
  // Lets a staging host run the sandbox gateway (anyone can pay any order) with NODE_ENV=production.
  ALLOW_SANDBOX_PAYMENTS_IN_PRODUCTION: Env.schema.boolean.optional(),
  // Minutes a payment may stay authorized before the reconciliation settles it.
  PAYMENT_RECONCILE_AFTER_MINUTES: Env.schema.number.optional(),

  CHROMIUM_PATH: Env.schema.string.optional(),
  OUTBOX_SWEEP_SECONDS: Env.schema.number.optional(),
  // Seconds an outbox event may wait for its jobs to complete before the sweeper re-enqueues them.
  OUTBOX_LEASE_SECONDS: Env.schema.number.optional(),
  // Seconds a claimed mail may stay unsent before another attempt sends it.
  MAIL_CLAIM_LEASE_SECONDS: Env.schema.number.optional(),
  // Seconds before BullMQ hands a job of a dead worker to another.
  QUEUE_STALLED_SECONDS: Env.schema.number.optional(),
  // Proxies whose X-Forwarded-For is believed: `loopback` (default), `none`, or addresses/CIDRs.
  TRUSTED_PROXIES: Env.schema.string.optional(),
  // Login attempts per IP per minute, whatever the email (default 5 × the per-email budget).
  AUTH_LOGIN_IP_RATE_LIMIT_PER_MINUTE: Env.schema.number.optional(),
  PASSWORD_RESET_TTL_MINUTES: Env.schema.number.optional(),
  // Lets `node ace db:seed` load the demo data (published passwords) in production.
  DEMO_SEED_IN_PRODUCTION: Env.schema.boolean.optional(),
})
