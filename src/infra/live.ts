import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { sseMessage, type LiveEvent, type LiveEventKind } from '../lib/live';
import type { RedisConnection } from './redis';

const TABLE = 'live_events';
const CHANNEL = 'newsroom:live';
const KEEP_MS = 24 * 60 * 60_000;
/**
 * Events delivered recently, so one seen over Redis is not sent again by the
 * poller (and vice versa). Keyed by id and coverage: a Redis shared with
 * another database (a staging site, a test suite) carries the same ids.
 */
const DELIVERED_MAX = 20_000;
/**
 * The poller re-reads this many ids below the newest it has seen: PostgreSQL
 * hands out sequence values at insert time, so a transaction that commits
 * later may hold a smaller id than one already read.
 */
const REREAD_WINDOW = 200;

/** One open stream (an SSE response). */
export interface LiveListener {
  write(text: string): void;
  end(): void;
}

export interface LiveOptions {
  syncIntervalMs: number;
  heartbeatSeconds: number;
  maxListeners: number;
}

export interface LiveHub {
  /** Adds a listener to one coverage's stream in one locale; the function removes it. null when this node is full. */
  subscribe(coverage: string, locale: string, listener: LiveListener): (() => void) | null;
  /** Appends an event in the caller's transaction (the entry write's); its id. */
  record(trx: Knex, event: Omit<LiveEvent, 'id'>): Promise<LiveEvent>;
  /** After the commit: sends the events to this node's listeners and to the other nodes (Redis). */
  announce(events: LiveEvent[]): Promise<void>;
  /** Events of one coverage after `id`, oldest first (Last-Event-ID resume). */
  replay(coverage: string, locale: string, afterId: number, limit?: number): Promise<LiveEvent[]>;
  /** The newest event id of a coverage (0 when none): the REST page's resume point. */
  latestId(coverage: string, locale: string): Promise<number>;
  /** Reads the event log once (the poller's step; tests call it). */
  sync(): Promise<number>;
  listenerCount(): number;
  /** Ends every stream (a shutdown: clients reconnect to another node with Last-Event-ID). */
  endAll(): void;
  close(): void;
}

type Log = { warn: (message: string) => void; error: (message: string) => void };

const rowToEvent = (r: { id: unknown; coverage: string; locale: string; entry: string; kind: string; payload: string }): LiveEvent => ({
  id: Number(r.id),
  coverage: r.coverage,
  locale: r.locale,
  entry: r.entry,
  kind: r.kind as LiveEventKind,
  payload: r.payload,
});

/**
 * Fan-out of live-coverage events to Server-Sent Events streams, on every
 * node. Two channels, as for cache evictions (src/infra/cache.ts): Redis
 * pub/sub carries each event at once; the event log in the database
 * (live_events), polled every LIVE_SYNC_INTERVAL_MS, carries it when Redis is
 * down or a node lost it. Each event is delivered once per node (by id).
 * A message is formatted once and the same string written to every stream of
 * its coverage; one timer sends the heartbeat to all of them.
 */
export function createLiveHub(knex: () => Knex, redis: RedisConnection, options: LiveOptions, log: Log): LiveHub {
  const node = crypto.randomUUID();
  const streams = new Map<string, Set<LiveListener>>();
  let count = 0;
  const delivered = new Set<string>();
  const deliveredKey = (e: LiveEvent) => `${e.id}|${e.coverage}`;
  let seen: number | null = null;
  const topic = (coverage: string, locale: string) => `${coverage}|${locale}`;

  function deliver(event: LiveEvent): void {
    const key = deliveredKey(event);
    if (delivered.has(key)) return;
    delivered.add(key);
    if (delivered.size > DELIVERED_MAX) {
      const drop = delivered.size - DELIVERED_MAX;
      let i = 0;
      for (const id of delivered) {
        if (i++ >= drop) break;
        delivered.delete(id);
      }
    }
    const listeners = streams.get(topic(event.coverage, event.locale));
    if (!listeners?.size) return;
    const text = sseMessage({ id: event.id, event: event.kind, data: event.payload });
    for (const listener of [...listeners]) {
      try {
        listener.write(text);
        if (event.kind === 'end') listener.end();
      } catch (err) {
        log.warn(`[live] a stream write failed: ${(err as Error).message}`);
      }
    }
  }

  redis.subscribe(CHANNEL, (message) => {
    try {
      const { from, event } = JSON.parse(message) as { from: string; event: LiveEvent };
      if (from !== node && event && typeof event.id === 'number') deliver(event);
    } catch (err) {
      log.warn(`[live] ignored a malformed message: ${(err as Error).message}`);
    }
  });

  async function sync(): Promise<number> {
    if (seen === null) {
      const [row] = await knex()(TABLE).max({ id: 'id' });
      seen = Number(row?.id ?? 0);
      return 0;
    }
    let applied = 0;
    for (;;) {
      const from: number = seen;
      const rows = await knex()(TABLE).where('id', '>', Math.max(0, from - REREAD_WINDOW)).orderBy('id').limit(1000);
      for (const r of rows) {
        const event = rowToEvent(r);
        if (event.id > (seen as number)) seen = event.id;
        if (delivered.has(deliveredKey(event))) continue;
        deliver(event);
        applied++;
      }
      if (rows.length < 1000 || seen === from) break;
    }
    return applied;
  }

  const timers: NodeJS.Timeout[] = [];
  if (options.syncIntervalMs > 0) {
    let running = false;
    let polls = 0;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      sync()
        .then(() => (++polls % 600 === 0 ? knex()(TABLE).where('created_ms', '<', Date.now() - KEEP_MS).del() : undefined))
        .catch((err) => log.warn(`[live] reading the event log failed: ${err.message}`))
        .finally(() => (running = false));
    }, options.syncIntervalMs);
    timer.unref();
    timers.push(timer);
    void sync().catch(() => undefined);
  }
  if (options.heartbeatSeconds > 0) {
    const heartbeat = setInterval(() => {
      for (const listeners of streams.values()) for (const l of listeners) l.write(': keep-alive\n\n');
    }, options.heartbeatSeconds * 1000);
    heartbeat.unref();
    timers.push(heartbeat);
  }

  return {
    subscribe(coverage, locale, listener) {
      if (count >= options.maxListeners) return null;
      const key = topic(coverage, locale);
      let set = streams.get(key);
      if (!set) streams.set(key, (set = new Set()));
      set.add(listener);
      count++;
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        count--;
        set!.delete(listener);
        if (!set!.size) streams.delete(key);
      };
    },
    async record(trx, event) {
      const [row] = await trx(TABLE).insert({ ...event, created_ms: Date.now() }, ['id']);
      return { ...event, id: Number(typeof row === 'object' ? row.id : row) };
    },
    async announce(events) {
      for (const event of events) deliver(event);
      if (!redis.client) return;
      for (const event of events) {
        await redis.client
          .publish(CHANNEL, JSON.stringify({ from: node, event }))
          .catch((err) => log.warn(`[live] Redis publish failed (the event log carries it): ${err.message}`));
      }
    },
    async replay(coverage, locale, afterId, limit = 1000) {
      const rows = await knex()(TABLE).where({ coverage, locale }).andWhere('id', '>', afterId).orderBy('id').limit(limit);
      return rows.map(rowToEvent);
    },
    async latestId(coverage, locale) {
      const [row] = await knex()(TABLE).where({ coverage, locale }).max({ id: 'id' });
      return Number(row?.id ?? 0);
    },
    sync,
    listenerCount: () => count,
    endAll() {
      for (const listeners of streams.values()) for (const l of [...listeners]) l.end();
    },
    close() {
      for (const t of timers) clearInterval(t);
      this.endAll();
    },
  };
}
