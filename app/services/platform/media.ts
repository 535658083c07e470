import drive from '@adonisjs/drive/services/main'

/** Public URL of a stored file (product image, category image), or null. */
export async function mediaUrl(path: string | null | undefined) {
  if (!path) return null
  return drive.use().getUrl(path)
}
