import type { Knex } from 'knex';

const TABLE = 'cache_evictions';
const KEEP_MS = 10 * 60_000;

export interface LoggedEviction {
  id: number;
  node: string;
  keys: string[] | '*';
  soft: boolean;
}

export interface EvictionLog {
  /** Appends one eviction; its id. */
  append(node: string, keys: string[] | '*', soft: boolean): Promise<number>;
  /** Evictions after `id`, oldest first. */
  after(id: number, limit?: number): Promise<LoggedEviction[]>;
  /** The newest id (0 when empty). */
  latest(): Promise<number>;
  /** Drops what every node has long read. */
  prune(now?: number): Promise<void>;
}

/** The cache_evictions table (database/migrations/…cache-evictions.js) through knex. */
export function createEvictionLog(knex: () => Knex): EvictionLog {
  return {
    async append(node, keys, soft) {
      const [row] = await knex()(TABLE).insert({ node, keys: keys === '*' ? '*' : keys.join(' '), soft, created_ms: Date.now() }, ['id']);
      return Number(typeof row === 'object' ? row.id : row);
    },
    async after(id, limit = 500) {
      const rows: Array<{ id: unknown; node: string; keys: string; soft: unknown }> = await knex()(TABLE).where('id', '>', id).orderBy('id').limit(limit);
      return rows.map((r) => ({ id: Number(r.id), node: r.node, keys: r.keys === '*' ? '*' : r.keys.split(' ').filter(Boolean), soft: r.soft === true || r.soft === 1 }));
    },
    async latest() {
      const [row] = await knex()(TABLE).max({ id: 'id' });
      return Number(row?.id ?? 0);
    },
    async prune(now = Date.now()) {
      await knex()(TABLE).where('created_ms', '<', now - KEEP_MS).del();
    },
  };
}
