import { createCache } from '../../src/infra/cache';
import type { EvictionLog, LoggedEviction } from '../../src/infra/eviction-log';
import type { RedisConnection } from '../../src/infra/redis';

/** The eviction log as the database table behaves, in memory. */
function memoryLog(): EvictionLog & { rows: LoggedEviction[] } {
  const rows: LoggedEviction[] = [];
  return {
    rows,
    async append(node, keys, soft) {
      rows.push({ id: rows.length + 1, node, keys, soft });
      return rows.length;
    },
    async after(id, limit = 500) {
      return rows.filter((r) => r.id > id).slice(0, limit);
    },
    async latest() {
      return rows.length;
    },
    async prune() {},
  };
}

/** Redis pub/sub between the caches of one test, which can be cut. */
function bus() {
  const handlers: Array<(m: string) => void> = [];
  let up = true;
  const connection = (): RedisConnection => ({
    client: {
      publish: async (_channel: string, message: string) => {
        if (!up) throw new Error('Connection is closed.');
        handlers.forEach((h) => h(message));
        return handlers.length;
      },
    } as never,
    subscribe: (_channel, onMessage) => void handlers.push(onMessage),
    close: async () => {},
  });
  return { connection, cut: () => (up = false) };
}

const config = { enabled: true, maxEntries: 100, maxBytes: 1e6, ttlSeconds: 600, staleSeconds: 0, syncIntervalMs: 0, purgeUrl: '' };
const quiet = { warn: () => {}, error: () => {} };
const entry = (keys: string[]) => ({ body: Buffer.from('x'), etag: '"x"', headers: {}, keys });

describe('cache eviction across nodes', () => {
  it('a node cut off from Redis applies the other node\'s evictions from the log, once', async () => {
    const log = memoryLog();
    const redis = bus();
    const a = createCache(config, redis.connection(), quiet, log);
    const b = createCache(config, redis.connection(), quiet, log);
    await Promise.all([a.sync(), b.sync()]); // each starts from the log's end

    b.responses!.set('/story', entry(['article:1']));
    b.responses!.set('/other', entry(['article:2']));
    await a.invalidate(['article:2']); // over Redis, at once
    expect(b.responses!.get('/other')).toBeUndefined();
    expect(await b.sync()).toBe(0); // already applied: not twice

    redis.cut();
    await a.invalidate(['article:1']); // a takedown while Redis is down
    expect(b.responses!.get('/story')).toBeDefined();
    expect(await b.sync()).toBe(1);
    expect(b.responses!.get('/story')).toBeUndefined();
    expect(await a.sync()).toBe(0); // its own evictions are not re-applied
    expect(log.rows.map((r) => r.keys)).toEqual([['article:2'], ['article:1']]);
    a.close();
    b.close();
  });

  it('a clear travels as "*"', async () => {
    const log = memoryLog();
    const redis = bus();
    const a = createCache(config, redis.connection(), quiet, log);
    const b = createCache(config, redis.connection(), quiet, log);
    await Promise.all([a.sync(), b.sync()]);
    redis.cut();
    b.responses!.set('/x', entry(['site']));
    await a.invalidate('*');
    await b.sync();
    expect(b.responses!.size).toBe(0);
  });
});
