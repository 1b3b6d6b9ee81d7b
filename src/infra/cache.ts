import crypto from 'node:crypto';
import { KeyedCache } from '../lib/keyed-cache';
import type { CacheConfig } from '../../config/cache';
import type { RedisConnection } from './redis';

const CHANNEL = 'newsroom:cache:invalidate';
const ALL = '*';

export interface InvalidateOptions {
  /**
   * The entries may be served stale for CACHE_STALE_SECONDS while one request
   * renders their successor (a new version was published). Never for what
   * readers must stop seeing at once: an unpublish, a delete, a kill.
   */
  soft?: boolean;
}

export interface CacheService {
  /** Public API responses; null when CACHE_ENABLED=false. */
  readonly responses: KeyedCache | null;
  /** Evicts locally, tells the other nodes (Redis) and the CDN (CACHE_PURGE_URL). `'*'` drops everything. */
  invalidate(keys: string[] | '*', options?: InvalidateOptions): Promise<void>;
}

type Log = { warn: (message: string) => void; error: (message: string) => void };

export function createCache(config: CacheConfig, redis: RedisConnection, log: Log): CacheService {
  const responses = config.enabled
    ? new KeyedCache({ maxEntries: config.maxEntries, maxBytes: config.maxBytes, ttlMs: config.ttlSeconds * 1000, staleMs: config.staleSeconds * 1000 })
    : null;
  const node = crypto.randomUUID();

  const evictLocal = (keys: string[] | '*', soft: boolean) => {
    if (!responses) return;
    if (keys === ALL) responses.clear();
    else responses.evict(keys, { soft });
  };

  if (responses) {
    redis.subscribe(CHANNEL, (message) => {
      try {
        const { from, keys, soft } = JSON.parse(message);
        if (from !== node) evictLocal(keys, soft === true);
      } catch (err) {
        log.warn(`[cache] ignored a malformed invalidation message: ${(err as Error).message}`);
      }
    });
  }

  /** The CDN is told asynchronously: a slow purge endpoint must not slow down a publish. */
  const purgeCdn = (keys: string[] | '*', soft: boolean) => {
    if (!config.purgeUrl) return;
    fetch(config.purgeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(keys === ALL ? { all: true, keys: [], soft: false } : { keys, soft }),
      signal: AbortSignal.timeout(5_000),
    }).catch((err) => log.warn(`[cache] purge request to CACHE_PURGE_URL failed: ${err.message}`));
  };

  return {
    responses,
    async invalidate(keys, { soft = false } = {}) {
      if (keys !== ALL && keys.length === 0) return;
      evictLocal(keys, soft);
      purgeCdn(keys, soft);
      if (redis.client && responses) {
        // Awaited: the write's response should not beat the other nodes' eviction.
        await redis.client
          .publish(CHANNEL, JSON.stringify({ from: node, keys, soft }))
          .catch((err) => log.error(`[cache] Redis publish failed: ${err.message}`));
      }
    },
  };
}
