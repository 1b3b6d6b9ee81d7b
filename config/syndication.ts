import type { Core } from '@strapi/strapi';

// Partner feeds, sitemaps and WebSub (README, "Syndication"); their rate limits are in config/security.ts.
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  websub: {
    hubUrl: env('WEBSUB_HUB_URL', ''),
    timeoutMs: env.int('WEBSUB_TIMEOUT_MS', 5000),
  },
  notices: {
    // How long a kill/withhold notice stays in the ninjs, JSON Feed and Atom feeds.
    retentionDays: env.float('NOTICE_RETENTION_DAYS', 7),
  },
  webhooks: {
    // Deliver the outbox from this process (every node may: each attempt is claimed in the database).
    dispatch: env.bool('WEBHOOK_DISPATCH_ENABLED', true),
    intervalMs: env.int('WEBHOOK_DISPATCH_INTERVAL_MS', 1000),
    timeoutMs: env.int('WEBHOOK_TIMEOUT_MS', 10000),
    // A claimed attempt belongs to its node this long; a node that died mid-attempt is retried after it.
    leaseSeconds: env.int('WEBHOOK_LEASE_SECONDS', 60),
    batch: env.int('WEBHOOK_BATCH', 20),
    retry: {
      baseSeconds: env.float('WEBHOOK_RETRY_BASE_SECONDS', 30),
      maxDelaySeconds: env.float('WEBHOOK_RETRY_MAX_DELAY_SECONDS', 6 * 3600),
      // Standard Webhooks practice: retry for a day, then dead-letter (visible to editors-in-chief).
      giveUpAfterSeconds: env.float('WEBHOOK_RETRY_HOURS', 24) * 3600,
    },
  },
  sitemaps: {
    // Google's maximum per sitemap file; lower only for tests.
    pageSize: Math.min(50000, env.int('SITEMAP_PAGE_SIZE', 50000)),
  },
});

export default config;
