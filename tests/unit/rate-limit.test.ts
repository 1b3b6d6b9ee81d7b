import { decide, MemoryStore, rateLimitHeaders } from '../../src/lib/rate-limit';

describe('MemoryStore + decide', () => {
  it('counts per key in fixed windows and resets with the next window', async () => {
    const store = new MemoryStore();
    const t0 = 120_000; // window [120000, 180000)
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push((await store.hit('a', 60_000, t0 + i)).count);
    expect(counts).toEqual([1, 2, 3]);
    expect((await store.hit('b', 60_000, t0)).count).toBe(1);
    const next = await store.hit('a', 60_000, 180_000);
    expect(next).toEqual({ count: 1, resetAt: 240_000 });
  });

  it('allows up to the limit, then refuses with Retry-After', () => {
    const ok = decide({ count: 2, resetAt: 60_000 }, 2, 30_500);
    expect(ok).toEqual({ allowed: true, limit: 2, remaining: 0, resetSeconds: 30 });
    expect(rateLimitHeaders(ok)).toEqual({ 'RateLimit-Limit': '2', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '30' });
    const refused = decide({ count: 3, resetAt: 60_000 }, 2, 59_900);
    expect(refused.allowed).toBe(false);
    expect(rateLimitHeaders(refused)['Retry-After']).toBe('1');
  });
});
