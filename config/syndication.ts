import type { Core } from '@strapi/strapi';

// Partner feeds, sitemaps and WebSub (README, "Syndication"); their rate limits are in config/security.ts.
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
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
