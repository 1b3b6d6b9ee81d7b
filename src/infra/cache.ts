import crypto from 'node:crypto';
import { KeyedCache } from '../lib/keyed-cache';
import type { CacheConfig } from '../../config/cache';
import type { RedisConnection } from './redis';

const CHANNEL = 'newsroom:cache:invalidate';
const ALL = '*';

export interface CacheService {
  /** Public API responses; null when CACHE_ENABLED=false. */
  readonly responses: KeyedCache | null;
  /** Rendered public article cards (api::article.article renderCards), evicted by the same keys; null when disabled. */
  readonly cards: KeyedCache | null;
  /** Evicts locally, tells the other nodes (Redis) and the CDN (CACHE_PURGE_URL). `'*'` drops everything. */
  invalidate(keys: string[] | '*'): Promise<void>;
}

type Log = { warn: (message: string) => void; error: (message: string) => void };

export function createCache(config: CacheConfig, redis: RedisConnection, log: Log): CacheService {
  const newStore = () =>
    config.enabled ? new KeyedCache({ maxEntries: config.maxEntries, maxBytes: config.maxBytes, ttlMs: config.ttlSeconds * 1000 }) : null;
  // Two stores with the same limits: many small cards must not push whole responses out.
  const responses = newStore();
  const cards = newStore();
  const node = crypto.randomUUID();

  const evictLocal = (keys: string[] | '*') => {
    for (const store of [responses, cards]) {
      if (!store) continue;
      if (keys === ALL) store.clear();
      else store.evict(keys);
    }
  };

  if (responses) {
    redis.subscribe(CHANNEL, (message) => {
      try {
        const { from, keys } = JSON.parse(message);
        if (from !== node) evictLocal(keys);
      } catch (err) {
        log.warn(`[cache] ignored a malformed invalidation message: ${(err as Error).message}`);
      }
    });
  }

  /** The CDN is told asynchronously: a slow purge endpoint must not slow down a publish. */
  const purgeCdn = (keys: string[] | '*') => {
    if (!config.purgeUrl) return;
    fetch(config.purgeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(keys === ALL ? { all: true, keys: [] } : { keys }),
      signal: AbortSignal.timeout(5_000),
    }).catch((err) => log.warn(`[cache] purge request to CACHE_PURGE_URL failed: ${err.message}`));
  };

  return {
    responses,
    cards,
    async invalidate(keys) {
      if (keys !== ALL && keys.length === 0) return;
      evictLocal(keys);
      purgeCdn(keys);
      if (redis.client && responses) {
        // Awaited: the write's response should not beat the other nodes' eviction.
        await redis.client
          .publish(CHANNEL, JSON.stringify({ from: node, keys }))
          .catch((err) => log.error(`[cache] Redis publish failed: ${err.message}`));
      }
    },
  };
}
