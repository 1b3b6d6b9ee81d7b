import type { Core } from '@strapi/strapi';
import type { CacheConfig } from '../../config/cache';
import type { NewsroomConfig } from '../../config/newsroom';
import type { SecurityConfig } from '../../config/security';
import type { CounterStore } from '../lib/rate-limit';
import { createCache, type CacheService } from './cache';
import { createEvictionLog } from './eviction-log';
import { createLiveHub, type LiveHub } from './live';
import { createLocaleRegistry, type LocaleRegistry } from './locales';
import { createCounterStore } from './rate-limits';
import { createRedis, type RedisConnection } from './redis';

/**
 * The app's stateful infrastructure, in one place with one lifecycle: made in
 * `register` (src/index.ts → registerInfra), held by the Strapi instance's
 * container, closed in `destroy`. Nothing else keeps module-level state.
 */
export interface Infra {
  redis: RedisConnection;
  cache: CacheService;
  locales: LocaleRegistry;
  rateLimits: CounterStore;
  /** Live-coverage streams of this node and their fan-out across nodes. */
  live: LiveHub;
  /** Set when a shutdown began (src/bootstrap/graceful-shutdown.ts, src/middlewares/drain.ts). */
  lifecycle: { draining: boolean };
}

const KEY = 'newsroom.infra';

export function registerInfra(strapi: Core.Strapi): void {
  strapi.add(KEY, () => {
    const { redisUrl, live } = strapi.config.get('newsroom') as NewsroomConfig;
    const redis = createRedis(redisUrl, strapi.log);
    const cacheConfig = strapi.config.get('cache') as CacheConfig;
    const infra: Infra = {
      redis,
      cache: createCache(cacheConfig, redis, strapi.log, cacheConfig.syncIntervalMs > 0 ? createEvictionLog(() => strapi.db.connection) : null),
      locales: createLocaleRegistry(strapi),
      lifecycle: { draining: false },
      live: createLiveHub(() => strapi.db.connection, redis, live, strapi.log),
      rateLimits: createCounterStore(redis, (strapi.config.get('security.rateLimit') as SecurityConfig['rateLimit']).redisPrefix),
    };
    return infra;
  });
}

/** The infrastructure of this Strapi instance. */
export const infra = (strapi: Core.Strapi): Infra => strapi.get(KEY) as Infra;

/** The locale table changes only through the admin's i18n settings (db writes, not documents): forget on any write. */
export function watchLocaleTable(strapi: Core.Strapi): void {
  const forget = () => infra(strapi).locales.forget();
  strapi.db.lifecycles.subscribe({ models: ['plugin::i18n.locale'], afterCreate: forget, afterUpdate: forget, afterDelete: forget });
}

export async function closeInfra(strapi: Core.Strapi): Promise<void> {
  if (!strapi.has(KEY)) return;
  infra(strapi).cache.close();
  infra(strapi).live.close();
  await infra(strapi).redis.close();
}
