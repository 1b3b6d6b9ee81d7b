import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface CachedResponse {
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
  keys: string[];
}

export interface KeyedCacheOptions {
  maxEntries: number;
  maxBytes: number;
  ttlMs: number;
}

/** Strong ETag of a body: the same bytes always give the same tag, on every node. */
export const etagOf = (body: Buffer): string => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;

/**
 * Bounded LRU of rendered responses (or cards) with a key → entries index, so
 * a change evicts exactly the entries that showed the changed documents. Pure.
 */
export class KeyedCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly byKey = new Map<string, Set<string>>();

  constructor(options: KeyedCacheOptions) {
    this.entries = new LRUCache<string, CachedResponse>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (v) => v.body.length + 512,
      ttl: options.ttlMs,
      // Keep the key index exact as entries leave (LRU pressure, TTL, eviction).
      dispose: (value, requestKey) => this.unindex(requestKey, value.keys),
    });
  }

  get(requestKey: string): CachedResponse | undefined {
    return this.entries.get(requestKey);
  }

  set(requestKey: string, value: CachedResponse): void {
    this.entries.set(requestKey, value);
    if (!this.entries.has(requestKey)) return; // too large to keep
    for (const key of value.keys) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(requestKey);
    }
  }

  /** Evicts every entry carrying any of `keys`; returns how many entries left. */
  evict(keys: Iterable<string>): number {
    let evicted = 0;
    for (const key of keys) {
      for (const requestKey of [...(this.byKey.get(key) ?? [])]) {
        if (this.entries.delete(requestKey)) evicted++;
      }
    }
    return evicted;
  }

  clear(): void {
    this.entries.clear();
    this.byKey.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize ?? 0;
  }

  private unindex(requestKey: string, keys: string[]): void {
    for (const key of keys) {
      const set = this.byKey.get(key);
      if (!set) continue;
      set.delete(requestKey);
      if (set.size === 0) this.byKey.delete(key);
    }
  }
}
