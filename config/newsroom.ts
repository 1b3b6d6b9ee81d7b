import type { Core } from '@strapi/strapi';
import { DEFAULT_TIME_ZONE } from '../src/lib/dates';

/** Settings of the newsroom itself that are not security limits, caching or syndication. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // IANA zone in which calendar days are counted for `dates` (a story "of 1 Ramadan").
  timeZone: env('NEWSROOM_TIMEZONE', DEFAULT_TIME_ZONE),
  // One Redis for every process of the site: cache evictions (pub/sub) and rate-limit counters.
  redisUrl: env('REDIS_URL', ''),
  // SIGTERM drains this long at most before shutting down (src/bootstrap/graceful-shutdown.ts): longer
  // than the load balancer's upstream keep-alive timeout, so it has let go of every connection by then.
  shutdownTimeoutMs: env.int('SHUTDOWN_TIMEOUT_MS', 10_000),
  // Development conveniences: never in production (src/bootstrap/demo-seed.ts, dev-admin.ts).
  seedDemo: env('SEED_DEMO', ''),
  devAdmin: {
    enabled: env.bool('DEV_ADMIN', true),
    email: env('DEV_ADMIN_EMAIL', 'editor@khaleeji247.example'),
    password: env('DEV_ADMIN_PASSWORD', ''),
    // Interface language of the development admin: the product's own (Arabic) unless told otherwise.
    language: env('DEV_ADMIN_LANGUAGE', 'ar'),
  },
  // Agency wire ingest (src/api/import/services/wire.ts): a JSON array of
  // { "name": "KUNA", "format": "ninjs" | "newsml", "location": folder or http(s) URL, "interval": seconds }.
  wire: { sources: env('WIRE_SOURCES', '') },
  // At boot, a search index built by another stemmer version (src/bootstrap/search-index.ts) is rebuilt
  // before the app serves when there are at most this many published article versions (~2 s per 1 000
  // on SQLite); with more, the log says to run `npm run search:reindex`. 0: never rebuild at boot.
  searchReindexOnBootMax: env.int('SEARCH_REINDEX_ON_BOOT_MAX', 20_000),
  // The desk (README, "The desk"): revisions of every save, edit locks, the review step.
  desk: {
    // Off only to measure what revisions cost a save (npm run bench:revisions).
    revisions: env.bool('REVISIONS_ENABLED', true),
    // Draft revisions kept per locale version (a positive integer or `all`); published ones are always kept.
    revisionsKeep: env('REVISIONS_KEEP', '50'),
    // A lock whose heartbeats (every ~15 s from the admin) stopped this long ago no longer holds.
    lockTtlSeconds: env.int('LOCK_TTL_SECONDS', 45),
  },
  // Live coverage streams (src/infra/live.ts): nodes read each other's live events from the database this
  // often, Redis or not (0: off; SQLite runs one node); a comment line keeps idle streams open through proxies.
  live: {
    syncIntervalMs: env.int('LIVE_SYNC_INTERVAL_MS', env('DATABASE_CLIENT', 'sqlite') === 'postgres' ? 1000 : 0),
    heartbeatSeconds: env.int('LIVE_HEARTBEAT_SECONDS', 25),
    maxListeners: env.int('LIVE_MAX_LISTENERS', 20_000),
  },
  // Benchmark instrument: an X-Query-Count header on every response (src/middlewares/query-count.ts).
  benchQueryCount: env.bool('BENCH_QUERY_COUNT', false),
});

export type NewsroomConfig = ReturnType<typeof config>;
export default config;
