import type { Core } from '@strapi/strapi';

/**
 * Limits of the public surfaces (README, "Security model"). One place for
 * every number a security reviewer asks about.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const anonymous = env.int('RATE_LIMIT_ANON_PER_MIN', 6000);
  const token = env.int('RATE_LIMIT_TOKEN_PER_MIN', 600);
  const search = env.int('RATE_LIMIT_SEARCH_PER_MIN', 600);
  return {
    rateLimit: {
      enabled: env.bool('RATE_LIMIT_ENABLED', true),
      windowMs: 60_000,
      // Requests per window, per caller (API token, or client address with IPv6 grouped by /64) and surface.
      // Search gets its own budget: a query nobody asked before is a cache miss and real work.
      perWindow: {
        anonymous: { api: anonymous, graphql: anonymous, preview: anonymous, search: Math.min(search, anonymous) },
        token: { api: token, graphql: token, preview: token, search: Math.min(search, token) },
      },
      // Counters in Redis (newsroom.redisUrl) when set, shared by every app process; in memory otherwise.
      redisPrefix: env('RATE_LIMIT_REDIS_PREFIX', 'newsroom:ratelimit'),
    },
    // Callers without the drafts permission: REST populate nests at most this deep, and never reaches the
    // inverse relations to the stories (a section's articles: src/lib/access-rules.ts).
    populate: {
      maxDepth: env.int('POPULATE_MAX_DEPTH', 4),
    },
  };
};

export type SecurityConfig = ReturnType<typeof config>;
export default config;
