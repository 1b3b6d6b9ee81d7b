import { MemoryStore, RedisStore, type CounterStore } from '../lib/rate-limit';
import type { RedisConnection } from './redis';

/** Rate-limit counters: in Redis when the site has one (every process shares each budget), else in memory. */
export function createCounterStore(redis: RedisConnection, prefix: string): CounterStore {
  return redis.client ? new RedisStore(redis.client, prefix) : new MemoryStore();
}
