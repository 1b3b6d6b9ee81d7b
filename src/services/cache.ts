import crypto from 'node:crypto';
import Redis from 'ioredis';
import type { Core } from '@strapi/strapi';
import { ResponseCache } from './response-cache';

const CHANNEL = 'newsroom:cache:invalidate';
const ALL = '*';

export interface CacheService {
  /** Public API responses; null when CACHE_ENABLED=false. */
  readonly store: ResponseCache | null;
  /** Rendered public article cards (src/services/article-cards.ts), evicted by the same keys; null when disabled. */
  readonly cards: ResponseCache | null;
  /** Evicts locally, tells the other nodes (Redis) and the CDN (CACHE_PURGE_URL). `'*'` drops everything. */
  invalidate(keys: string[] | '*'): Promise<void>;
  close(): Promise<void>;
}

const services = new WeakMap<Core.Strapi, CacheService>();

export function cacheService(strapi: Core.Strapi): CacheService {
  let service = services.get(strapi);
  if (!service) services.set(strapi, (service = createCacheService(strapi)));
  return service;
}

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

function createCacheService(strapi: Core.Strapi): CacheService {
  const enabled = process.env.CACHE_ENABLED !== 'false';
  const newStore = () =>
    enabled
      ? new ResponseCache({
          maxEntries: num('CACHE_MAX_ENTRIES', 5_000),
          maxBytes: num('CACHE_MAX_BYTES', 64 * 1024 * 1024),
          // Exact invalidation keeps entries fresh; the TTL only bounds what a missed event could cost.
          ttlMs: num('CACHE_TTL_SECONDS', 600) * 1000,
        })
      : null;
  // Two stores with the same limits: many small cards must not push whole responses out.
  const store = newStore();
  const cards = newStore();
  const node = crypto.randomUUID();
  const purgeUrl = process.env.CACHE_PURGE_URL;
  const redisUrl = process.env.REDIS_URL;

  const evictLocal = (keys: string[] | '*') => {
    for (const cache of [store, cards]) {
      if (!cache) continue;
      if (keys === ALL) cache.clear();
      else cache.evict(keys);
    }
  };

  let publisher: Redis | null = null;
  let subscriber: Redis | null = null;
  if (redisUrl && store) {
    publisher = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
    subscriber = publisher.duplicate();
    subscriber.subscribe(CHANNEL).catch((err) => strapi.log.error(`[cache] Redis subscribe failed: ${err.message}`));
    subscriber.on('message', (_channel, message) => {
      try {
        const { from, keys } = JSON.parse(message);
        if (from !== node) evictLocal(keys);
      } catch (err: any) {
        strapi.log.warn(`[cache] ignored a malformed invalidation message: ${err.message}`);
      }
    });
    for (const client of [publisher, subscriber]) {
      client.on('error', (err) => strapi.log.warn(`[cache] Redis: ${err.message}`));
    }
  }

  /** The CDN is told asynchronously: a slow purge endpoint must not slow down a publish. */
  const purgeCdn = (keys: string[] | '*') => {
    if (!purgeUrl) return;
    fetch(purgeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(keys === ALL ? { all: true, keys: [] } : { keys }),
      signal: AbortSignal.timeout(5_000),
    }).catch((err) => strapi.log.warn(`[cache] purge request to CACHE_PURGE_URL failed: ${err.message}`));
  };

  return {
    store,
    cards,
    async invalidate(keys) {
      if (keys !== ALL && keys.length === 0) return;
      evictLocal(keys);
      purgeCdn(keys);
      if (publisher) {
        // Awaited: the write's response should not beat the other nodes' eviction.
        await publisher
          .publish(CHANNEL, JSON.stringify({ from: node, keys }))
          .catch((err) => strapi.log.error(`[cache] Redis publish failed: ${err.message}`));
      }
    },
    async close() {
      await Promise.all([publisher?.quit().catch(() => undefined), subscriber?.quit().catch(() => undefined)]);
    },
  };
}
