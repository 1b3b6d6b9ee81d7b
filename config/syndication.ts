import type { Core } from '@strapi/strapi';

// Partner feeds, sitemaps, rate limiting and WebSub (docs/syndication.md).
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  rateLimit: {
    enabled: env.bool('RATE_LIMIT_ENABLED', true),
    tokenPerMinute: env.int('RATE_LIMIT_TOKEN_PER_MIN', 600),
    anonymousPerMinute: env.int('RATE_LIMIT_ANON_PER_MIN', 6000),
    // Shared counters for several app processes; in-memory when unset.
    redisUrl: env('REDIS_URL', ''),
    redisPrefix: env('RATE_LIMIT_REDIS_PREFIX', 'newsroom:ratelimit'),
  },
  websub: {
    hubUrl: env('WEBSUB_HUB_URL', ''),
    timeoutMs: env.int('WEBSUB_TIMEOUT_MS', 5000),
  },
  sitemaps: {
    // Google's maximum per sitemap file; lower only for tests.
    pageSize: Math.min(50000, env.int('SITEMAP_PAGE_SIZE', 50000)),
  },
});

export default config;
