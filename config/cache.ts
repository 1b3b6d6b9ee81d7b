import type { Core } from '@strapi/strapi';

/**
 * The response cache and the rendered-card cache (README, "Caching"); the
 * limits apply to each store. Exact invalidation keeps entries fresh; the TTL
 * only bounds what a missed event could cost.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('CACHE_ENABLED', true),
  maxEntries: env.int('CACHE_MAX_ENTRIES', 5_000),
  maxBytes: env.int('CACHE_MAX_BYTES', 64 * 1024 * 1024),
  ttlSeconds: env.int('CACHE_TTL_SECONDS', 600),
  // Told of every eviction (POST {"keys": […]}): a CDN purge hook.
  purgeUrl: env('CACHE_PURGE_URL', ''),
});

export type CacheConfig = ReturnType<typeof config>;
export default config;
