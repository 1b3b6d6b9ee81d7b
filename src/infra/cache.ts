import crypto from 'node:crypto';
import { KeyedCache } from '../lib/keyed-cache';
import type { CacheConfig } from '../../config/cache';
import type { EvictionLog } from './eviction-log';
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
  /**
   * Evicts locally, tells the other nodes (Redis pub/sub, and the eviction
   * log they poll) and the CDN (CACHE_PURGE_URL). `'*'` drops everything.
   */
  invalidate(keys: string[] | '*', options?: InvalidateOptions): Promise<void>;
  /** Reads the eviction log once (the poller's step; tests call it). */
  sync(): Promise<number>;
  close(): void;
}

type Log = { warn: (message: string) => void; error: (message: string) => void };

/**
 * Two channels to the other nodes: Redis pub/sub, immediate; and the eviction
 * log in the database (src/infra/eviction-log.ts), polled every
 * CACHE_SYNC_INTERVAL_MS, which nothing can miss — a node that lost Redis, or
 * a Redis outage, still applies every eviction within that interval. Each
 * eviction carries its log id, so one seen over Redis is not applied twice.
 */
export function createCache(config: CacheConfig, redis: RedisConnection, log: Log, evictions: EvictionLog | null = null): CacheService {
  const responses = config.enabled
    ? new KeyedCache({ maxEntries: config.maxEntries, maxBytes: config.maxBytes, ttlMs: config.ttlSeconds * 1000, staleMs: config.staleSeconds * 1000 })
    : null;
  const node = crypto.randomUUID();
  /** The newest log id read, and ids applied over Redis that the poller has not reached yet. */
  let seen: number | null = null;
  const appliedEarly = new Set<number>();

  const evictLocal = (keys: string[] | '*', soft: boolean) => {
    if (!responses) return;
    if (keys === ALL) responses.clear();
    else responses.evict(keys, { soft });
  };

  if (responses) {
    redis.subscribe(CHANNEL, (message) => {
      try {
        const { from, keys, soft, id } = JSON.parse(message);
        if (from === node) return;
        evictLocal(keys, soft === true);
        if (typeof id === 'number' && (seen === null || id > seen)) appliedEarly.add(id);
      } catch (err) {
        log.warn(`[cache] ignored a malformed invalidation message: ${(err as Error).message}`);
      }
    });
  }

  async function sync(): Promise<number> {
    if (!evictions) return 0;
    if (seen === null) {
      seen = await evictions.latest(); // what happened before this node started is not in its cache
      return 0;
    }
    let applied = 0;
    for (;;) {
      const batch = await evictions.after(seen);
      for (const e of batch) {
        seen = e.id;
        if (e.node === node || appliedEarly.delete(e.id)) continue;
        evictLocal(e.keys, e.soft);
        applied++;
      }
      if (batch.length < 500) break;
    }
    for (const id of appliedEarly) if (id <= seen) appliedEarly.delete(id);
    return applied;
  }

  let timer: NodeJS.Timeout | null = null;
  let polls = 0;
  if (evictions && config.syncIntervalMs > 0) {
    let running = false;
    timer = setInterval(() => {
      if (running) return;
      running = true;
      sync()
        .then(() => (++polls % 600 === 0 ? evictions.prune() : undefined))
        .catch((err) => log.warn(`[cache] reading the eviction log failed: ${err.message}`))
        .finally(() => (running = false));
    }, config.syncIntervalMs);
    timer.unref();
    void sync().catch(() => undefined);
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
      // Awaited: the write's response should not beat the other nodes' eviction.
      const id = evictions ? await evictions.append(node, keys, soft).catch((err) => void log.error(`[cache] eviction log write failed: ${err.message}`)) : undefined;
      if (redis.client) {
        await redis.client
          .publish(CHANNEL, JSON.stringify({ from: node, keys, soft, id }))
          .catch((err) => log.warn(`[cache] Redis publish failed (the eviction log carries it): ${err.message}`));
      }
    },
    sync,
    close() {
      if (timer) clearInterval(timer);
    },
  };
}
