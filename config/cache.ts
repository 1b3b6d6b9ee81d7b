import type { Core } from '@strapi/strapi';

/**
 * The response cache (README, "Caching"). Exact invalidation keeps entries
 * fresh; the TTL only bounds what a missed event could cost. After a new
 * version is published, the old response may be served for staleSeconds while
 * one request renders the new one (never after an unpublish or delete).
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('CACHE_ENABLED', true),
  maxEntries: env.int('CACHE_MAX_ENTRIES', 5_000),
  maxBytes: env.int('CACHE_MAX_BYTES', 64 * 1024 * 1024),
  ttlSeconds: env.int('CACHE_TTL_SECONDS', 600),
  staleSeconds: env.int('CACHE_STALE_SECONDS', 10),
  // Nodes sharing one PostgreSQL read each other's evictions from the database this often, Redis or not
  // (0: off; SQLite runs one node).
  syncIntervalMs: env.int('CACHE_SYNC_INTERVAL_MS', env('DATABASE_CLIENT', 'sqlite') === 'postgres' ? 1000 : 0),
  // Told of every eviction (POST {"keys": […], "soft": bool}): a CDN purge hook.
  purgeUrl: env('CACHE_PURGE_URL', ''),
});

export type CacheConfig = ReturnType<typeof config>;
export default config;
