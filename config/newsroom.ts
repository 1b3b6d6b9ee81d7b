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
