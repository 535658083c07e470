import redis from '@adonisjs/redis/services/main'
import logger from '@adonisjs/core/services/logger'
import catalogConfig from '#config/catalog'

/**
 * Storefront list pages cached in Redis as their JSON body, for a few
 * seconds. An entry carries the catalog version it was computed under; any
 * change a shopper could see in a list bumps the version (after its
 * transaction commits), so the next request recomputes. One round trip per
 * hit: the version and the entry are read together.
 */
const VERSION_KEY = 'catalog:version'
const ENTRY_PREFIX = 'catalog:list:'

/** Only the first pages are hot; deeper pages are spread too thin to hit. */
export const CACHED_PAGES = 5

const ttlSeconds = () => catalogConfig.listCacheTtlSeconds

export function listingCacheEnabled() {
  return ttlSeconds() > 0
}

/** A stable key for validated list filters (key order and defaults normalised). */
export function listingKey(filters: Record<string, unknown>) {
  const entries = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
  return ENTRY_PREFIX + JSON.stringify(entries)
}

/** The cached JSON body for `key`, or computes, stores and returns it. */
export async function cachedListing(key: string, compute: () => Promise<unknown>) {
  let version: string | null = null
  try {
    const [current, entry] = await redis.mget(VERSION_KEY, key)
    version = current ?? '0'
    if (entry) {
      const split = entry.indexOf('\n')
      if (entry.slice(0, split) === version) return entry.slice(split + 1)
    }
  } catch (error) {
    // Redis down: serve from the database.
    logger.warn({ err: error }, 'listing cache unavailable')
  }
  const body = JSON.stringify(await compute())
  if (version !== null) {
    // Stored under the version read before computing: a change committed in
    // the meantime has bumped it, so this entry is never served after it.
    redis.set(key, `${version}\n${body}`, 'EX', ttlSeconds()).catch(() => {})
  }
  return body
}

/** Makes every cached list page stale. Call after the change is committed. */
export async function bumpCatalogVersion() {
  try {
    await redis.incr(VERSION_KEY)
  } catch (error) {
    // Entries expire within the TTL anyway.
    logger.warn({ err: error }, 'could not bump the catalog version')
  }
}
