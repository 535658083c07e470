import { randomBytes } from 'node:crypto'

/** URL slug from a title or name: lower-case ASCII words joined by hyphens. */
export function slugify(text: string, maxLength = 200) {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '')
  return slug
}

/** A short random suffix that makes a taken slug unique. */
export function slugSuffix() {
  return randomBytes(4).readUInt32BE(0).toString(36).padStart(6, '0').slice(0, 6)
}
