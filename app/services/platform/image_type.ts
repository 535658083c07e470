import { open } from 'node:fs/promises'

export type ImageType = { extension: 'jpg' | 'png' | 'webp'; mime: string }

/**
 * The image format a file really holds, read from its first bytes (the
 * magic numbers), whatever its name or declared type says; null otherwise.
 */
export function detectImageType(head: Buffer): ImageType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    return { extension: 'jpg', mime: 'image/jpeg' }
  }
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (head.length >= 8 && png.every((byte, i) => head[i] === byte)) {
    return { extension: 'png', mime: 'image/png' }
  }
  if (
    head.length >= 12 &&
    head.toString('ascii', 0, 4) === 'RIFF' &&
    head.toString('ascii', 8, 12) === 'WEBP'
  ) {
    return { extension: 'webp', mime: 'image/webp' }
  }
  return null
}

export async function detectImageFileType(path: string) {
  const file = await open(path, 'r')
  try {
    const head = Buffer.alloc(12)
    const { bytesRead } = await file.read(head, 0, 12, 0)
    return detectImageType(head.subarray(0, bytesRead))
  } finally {
    await file.close()
  }
}
