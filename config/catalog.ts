import env from '#start/env'

const catalogConfig = {
  /** Seconds a storefront list page stays cached in Redis (0 turns the cache off). */
  listCacheTtlSeconds: env.get('CATALOG_CACHE_TTL_SECONDS', 10),
}

export default catalogConfig
