import { join } from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'
import { appUrl } from '#config/app'

/** Root of both disks: <root>/public and <root>/private. */
export const storageRoot = app.makePath(env.get('STORAGE_PATH', 'storage'))

/**
 * Two disks. `fs` holds public files (product and category images) under
 * storage/public and serves them at /uploads. `private` holds invoices
 * under storage/private and is never served: downloads go through the
 * API's authorisation. Code only talks to Drive, so S3 buckets can replace
 * either disk here (add `services.s3(...)` with @aws-sdk/client-s3).
 */
const driveConfig = defineConfig({
  default: env.get('DRIVE_DISK'),
  services: {
    fs: services.fs({
      location: join(storageRoot, 'public'),
      serveFiles: true,
      routeBasePath: '/uploads',
      visibility: 'public',
      appUrl,
    }),
    private: services.fs({
      location: join(storageRoot, 'private'),
      visibility: 'private',
    }),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
