import { mkdirSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/bodyparser'

/**
 * Only these routes read multipart bodies. Anywhere else a multipart body
 * is left unread, so nobody can write files to disk before auth and rate
 * limits have run. Every route here takes one product image (5 MB at most).
 */
export const UPLOAD_ROUTES = [
  '/api/products/:product/images',
  '/panel/seller/products/:product/images',
  '/panel/admin/products/:product/images',
]

/** Upload temp files live here until the request ends (see upload_cleanup_middleware). */
export const UPLOAD_TMP_DIR = app.tmpPath('uploads')
mkdirSync(UPLOAD_TMP_DIR, { recursive: true })

export default defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],

  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
    limit: '1mb',
  },

  json: {
    convertEmptyStringsToNull: false,
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
    limit: '1mb',
  },

  multipart: {
    autoProcess: UPLOAD_ROUTES,
    convertEmptyStringsToNull: true,
    processManually: [],
    // Room for an image a little over the 5 MB rule, so it gets the field's
    // clear 422; anything far past it is a 413 while it streams in.
    limit: '8mb',
    tmpFileName: () => `${UPLOAD_TMP_DIR}/${randomUUID()}`,
    types: ['multipart/form-data'],
  },
})
