/**
 * Fixed-window request counters (one window per minute by default), with an
 * in-memory store for a single process and a Redis store so several app
 * processes share one budget. No Strapi imports.
 */
export interface Hit {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Epoch ms when the current window ends. */
  resetAt: number;
}

export interface CounterStore {
  hit(key: string, windowMs: number, now: number): Promise<Hit>;
}

export interface Decision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets (≥ 1). */
  resetSeconds: number;
}

export function decide(hit: Hit, limit: number, now: number): Decision {
  return {
    allowed: hit.count <= limit,
    limit,
    remaining: Math.max(0, limit - hit.count),
    resetSeconds: Math.max(1, Math.ceil((hit.resetAt - now) / 1000)),
  };
}

const windowStart = (now: number, windowMs: number): number => now - (now % windowMs);

/** Per-process counters; expired windows are swept as new ones open, so memory stays bounded by active keys. */
export class MemoryStore implements CounterStore {
  private windows = new Map<string, Hit>();
  private lastSweep = 0;

  async hit(key: string, windowMs: number, now: number): Promise<Hit> {
    if (now - this.lastSweep >= windowMs) this.sweep(now);
    const resetAt = windowStart(now, windowMs) + windowMs;
    const current = this.windows.get(key);
    if (current && current.resetAt === resetAt) {
      current.count += 1;
      return { ...current };
    }
    const fresh = { count: 1, resetAt };
    this.windows.set(key, fresh);
    return { ...fresh };
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, hit] of this.windows) if (hit.resetAt <= now) this.windows.delete(key);
  }
}

/** The subset of an ioredis client the Redis store needs. */
export interface RedisLike {
  multi(): { incr(key: string): unknown; pexpire(key: string, ms: number): unknown; exec(): Promise<Array<[Error | null, unknown]> | null> };
}

/** INCR + PEXPIRE in one MULTI on a key per window: atomic across processes, keys expire by themselves. */
export class RedisStore implements CounterStore {
  constructor(private client: RedisLike, private prefix: string) {}

  async hit(key: string, windowMs: number, now: number): Promise<Hit> {
    const start = windowStart(now, windowMs);
    const redisKey = `${this.prefix}:${key}:${start}`;
    const tx = this.client.multi();
    tx.incr(redisKey);
    tx.pexpire(redisKey, windowMs + 1000);
    const results = await tx.exec();
    const [err, count] = results?.[0] ?? [new Error('empty MULTI reply'), null];
    if (err) throw err;
    return { count: Number(count), resetAt: start + windowMs };
  }
}

/** Headers of the IETF RateLimit draft (as widely deployed) plus Retry-After on refusal. */
export function rateLimitHeaders(d: Decision): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(d.limit),
    'RateLimit-Remaining': String(d.remaining),
    'RateLimit-Reset': String(d.resetSeconds),
  };
  if (!d.allowed) headers['Retry-After'] = String(d.resetSeconds);
  return headers;
}
