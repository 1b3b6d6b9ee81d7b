import crypto from 'node:crypto';
import Redis from 'ioredis';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { awayFromWindowEdge } from '../helpers/rate-window';
import { RedisStore, MemoryStore } from '../../src/lib/rate-limit';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `test:ratelimit:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
const ENV = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_ANON_PER_MIN: '4',
  RATE_LIMIT_TOKEN_PER_MIN: '600',
  REDIS_URL,
  RATE_LIMIT_REDIS_PREFIX: PREFIX,
  WEBSUB_HUB_URL: '',
};

let app: TestApp;
let redis: Redis;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  for (const k of Object.keys(ENV)) saved[k] = process.env[k];
  redis = new Redis(REDIS_URL);
  app = await startStrapi(ENV);
});

afterAll(async () => {
  await app?.stop();
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('RedisStore', () => {
  it('counts atomically in one window and expires the key with it', async () => {
    const store = new RedisStore(redis, `${PREFIX}:unit`);
    const now = 1_700_000_010_000;
    const hits = await Promise.all(Array.from({ length: 10 }, () => store.hit('k', 60_000, now)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(hits[0].resetAt).toBe(1_700_000_040_000);
    const ttl = await redis.pttl(`${PREFIX}:unit:k:1699999980000`);
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(61_000);
    expect((await store.hit('k', 60_000, now + 60_000)).count).toBe(1); // next window
  });

  it('behaves like the memory store', async () => {
    const redisStore = new RedisStore(redis, `${PREFIX}:same`);
    const memory = new MemoryStore();
    for (const t of [0, 10, 59_999, 60_000, 60_001, 200_000]) {
      const [a, b] = [await redisStore.hit('x', 60_000, t), await memory.hit('x', 60_000, t)];
      expect(a).toEqual(b);
    }
  });
});

describe('rate limiting with REDIS_URL', () => {
  it('shares one budget between app processes through Redis', async () => {
    await awayFromWindowEdge();
    expect((await app.http().get('/api/feeds/json')).status).toBe(200);
    expect((await app.http().get('/api/feeds/json')).status).toBe(200);
    const keys = await redis.keys(`${PREFIX}:api:ip:*`);
    expect(keys).toHaveLength(1);
    expect(await redis.get(keys[0])).toBe('2');
    // Another app process (its own client, same prefix) serves the same client twice.
    const other = new Redis(REDIS_URL);
    const otherStore = new RedisStore(other, PREFIX);
    const ipKey = keys[0].slice(PREFIX.length + 1).replace(/:\d+$/, '');
    await otherStore.hit(ipKey, 60_000, Date.now());
    await otherStore.hit(ipKey, 60_000, Date.now());
    other.disconnect();
    const refused = await app.http().get('/api/feeds/json');
    expect(refused.status).toBe(429);
    expect(refused.headers['ratelimit-limit']).toBe('4');
    expect(refused.headers['retry-after']).toBeDefined();
  });
});
