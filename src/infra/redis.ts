import Redis from 'ioredis';

export interface RedisConnection {
  /** The command client (rate-limit counters, cache-eviction broadcasts); null without REDIS_URL. */
  readonly client: Redis | null;
  /** Listens on a pub/sub channel (on a second connection, as Redis requires). */
  subscribe(channel: string, onMessage: (message: string) => void): void;
  close(): Promise<void>;
}

type Log = { warn: (message: string) => void; error: (message: string) => void };

/**
 * The one Redis connection of an app process (two sockets: commands, and
 * pub/sub once something subscribes). Commands fail fast — 500 ms, one retry —
 * instead of queueing: a Redis outage must slow nothing down, and every
 * caller has a way to carry on without it (rate limits let requests through,
 * evictions stay local).
 */
export function createRedis(url: string, log: Log): RedisConnection {
  if (!url) return { client: null, subscribe: () => {}, close: async () => {} };
  const client = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500, enableOfflineQueue: true, lazyConnect: false });
  client.on('error', (err) => log.warn(`[redis] ${err.message}`));
  let subscriber: Redis | null = null;
  const handlers = new Map<string, (message: string) => void>();
  return {
    client,
    subscribe(channel, onMessage) {
      if (!subscriber) {
        // A subscriber connection waits for messages: no command timeout on it.
        subscriber = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
        subscriber.on('error', (err) => log.warn(`[redis] subscriber: ${err.message}`));
        subscriber.on('message', (ch: string, message: string) => handlers.get(ch)?.(message));
      }
      handlers.set(channel, onMessage);
      subscriber.subscribe(channel).catch((err) => log.error(`[redis] subscribe to ${channel} failed: ${err.message}`));
    },
    async close() {
      await Promise.all([client.quit().catch(() => client.disconnect()), subscriber?.quit().catch(() => subscriber?.disconnect())]);
    },
  };
}
