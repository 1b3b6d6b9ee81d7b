import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface CachedResponse {
  /** The identity body. */
  body: Buffer;
  /** The same body compressed once when stored (src/lib/compression.ts); absent when not worth it. */
  encoded?: Partial<Record<'br' | 'gzip', Buffer>>;
  etag: string;
  headers: Record<string, string>;
  keys: string[];
  /** Set by a soft eviction: may still be served for the stale window while one request renders anew. */
  staleSince?: number;
}

export interface KeyedCacheOptions {
  maxEntries: number;
  maxBytes: number;
  ttlMs: number;
  /** How long a soft-evicted entry may still be served (0: soft evictions are hard). */
  staleMs?: number;
  now?: () => number;
}

/** Strong ETag of a body: the same bytes always give the same tag, on every node. */
export const etagOf = (body: Buffer): string => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;

const sizeOf = (v: CachedResponse) => v.body.length + (v.encoded?.br?.length ?? 0) + (v.encoded?.gzip?.length ?? 0) + 512;

/**
 * Bounded LRU of rendered responses with a key → entries index, so a change
 * evicts exactly the entries that showed the changed documents. Pure.
 *
 * Evictions are hard (the entry is gone) or soft (the entry is marked stale
 * and may be served for `staleMs` while one request renders its successor).
 * A render that began before an eviction of one of its keys is not stored
 * (`begin()` / `set(…, since)`): it may show what the eviction removed.
 */
export class KeyedCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly byKey = new Map<string, Set<string>>();
  /** Eviction counter, and the counter value at each key's last eviction (while renders are open). */
  private generation = 0;
  private clearedAt = 0;
  private readonly evictedAt = new Map<string, number>();
  private open = 0;
  private readonly staleMs: number;
  private readonly now: () => number;

  constructor(options: KeyedCacheOptions) {
    this.staleMs = options.staleMs ?? 0;
    this.now = options.now ?? Date.now;
    this.entries = new LRUCache<string, CachedResponse>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: sizeOf,
      ttl: options.ttlMs,
      // Keep the key index exact as entries leave (LRU pressure, TTL, eviction).
      dispose: (value, requestKey) => this.unindex(requestKey, value.keys),
    });
  }

  /**
   * The entry, fresh or stale-but-servable (check `staleSince`); a stale
   * entry past the window is dropped.
   */
  get(requestKey: string): CachedResponse | undefined {
    const entry = this.entries.get(requestKey);
    if (entry?.staleSince !== undefined && this.now() - entry.staleSince > this.staleMs) {
      this.entries.delete(requestKey);
      return undefined;
    }
    return entry;
  }

  /** Marks the start of a render whose result may be stored: pass the value to `set` and call `end`. */
  begin(): number {
    this.open++;
    return this.generation;
  }

  end(): void {
    this.open = Math.max(0, this.open - 1);
    if (this.open === 0) this.evictedAt.clear(); // no render can be older than an eviction any more
  }

  /**
   * Stores an entry. With `since` (from `begin()`), refuses it when the cache
   * was cleared or one of its keys was evicted after that render began.
   * Returns whether it was stored.
   */
  set(requestKey: string, value: CachedResponse, since?: number): boolean {
    if (since !== undefined && (this.clearedAt > since || value.keys.some((k) => (this.evictedAt.get(k) ?? 0) > since))) return false;
    this.entries.set(requestKey, value);
    if (!this.entries.has(requestKey)) return false; // too large to keep
    for (const key of value.keys) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(requestKey);
    }
    return true;
  }

  /** Drops one entry (e.g. a stale one whose successor could not be rendered). */
  delete(requestKey: string): void {
    this.entries.delete(requestKey);
  }

  /**
   * Evicts every entry carrying any of `keys`: removed, or with `soft` marked
   * stale (servable for the stale window). Returns how many entries it touched.
   */
  evict(keys: Iterable<string>, { soft = false }: { soft?: boolean } = {}): number {
    const generation = ++this.generation;
    const hard = !soft || this.staleMs <= 0;
    const now = this.now();
    let evicted = 0;
    for (const key of keys) {
      if (this.open) this.evictedAt.set(key, generation);
      for (const requestKey of [...(this.byKey.get(key) ?? [])]) {
        if (hard) {
          if (this.entries.delete(requestKey)) evicted++;
          continue;
        }
        const entry = this.entries.peek(requestKey);
        if (!entry) continue;
        entry.staleSince ??= now;
        evicted++;
      }
    }
    return evicted;
  }

  clear(): void {
    this.clearedAt = ++this.generation;
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
