/** Drives a scenario with autocannon at fixed concurrency for a fixed duration. */
import autocannon from 'autocannon';
import { cacheState, headerValue, type MixEntry, type ReadKind } from './newsroom-mix';
import { percentile, type KindStats, type ScenarioResult } from './report';

export interface LoadSpec {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The status every response should have (200, or 304 for conditional GETs). */
  expectStatus: number;
  connections: number;
  duration: number;
}

type Measured = Omit<ScenarioResult, 'id' | 'label' | 'status'>;
type Emitter = autocannon.Instance & Promise<autocannon.Result>; // the promise form is also the event emitter

function summary(result: autocannon.Result, latencies: number[], unexpected: number, duration: number): Measured {
  let max = NaN;
  for (const ms of latencies) if (!(ms <= max)) max = ms;
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.total / (result.duration || duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max,
    errors: unexpected + result.errors + result.timeouts,
    bytes: result.throughput.total / Math.max(1, result.requests.total),
  };
}

export async function runLoad(spec: LoadSpec): Promise<Measured> {
  const latencies: number[] = [];
  let unexpected = 0;
  const instance = autocannon({
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections,
    duration: spec.duration,
    timeout: 10,
  }) as unknown as Emitter;
  // autocannon's histogram has p50/p90/p97.5/p99 but no p95: keep every latency.
  (instance as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (status !== spec.expectStatus) unexpected++;
  });
  const result = await instance;
  return summary(result, latencies, unexpected, spec.duration);
}

export interface MixSpec {
  /** Origin, e.g. http://127.0.0.1:1337. */
  base: string;
  mix: readonly MixEntry[];
  headers: Record<string, string>;
  connections: number;
  duration: number;
}

export interface MixMeasured extends Measured {
  /** Responses per X-Cache state (HIT, STALE, MISS, absent, …). */
  cacheStates: Record<string, number>;
  byKind: Partial<Record<ReadKind, KindStats>>;
}

/**
 * One autocannon instance for the whole mix: every connection takes the next
 * URL of the shared schedule (setupRequest), so the request shares are the
 * schedule's whatever each URL costs, and `connections` is the total
 * concurrency. X-Cache is read in onResponse, which autocannon calls with the
 * response headers right before it emits 'response' for the same response
 * (same tick, one connection at a time), so the kind and cache state noted
 * there belong to the latency that follows.
 */
export async function runMix(spec: MixSpec): Promise<MixMeasured> {
  const latencies: number[] = [];
  const perKind = new Map<ReadKind, { latencies: number[]; states: Record<string, number>; errors: number }>();
  const cacheStates: Record<string, number> = {};
  let unexpected = 0;
  let next = 0;
  let current: { kind: ReadKind; state: string } | null = null;
  const instance = autocannon({
    url: spec.base,
    connections: spec.connections,
    duration: spec.duration,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (request: autocannon.Request & { path?: string }, context: Record<string, unknown>) => {
          const entry = spec.mix[next++ % spec.mix.length];
          context.kind = entry.kind;
          return { ...request, method: 'GET', path: entry.path, headers: { ...spec.headers } };
        },
        onResponse: (_status: number, _body: string, context: Record<string, unknown>, headers?: Record<string, string | string[]>) => {
          current = { kind: context.kind as ReadKind, state: cacheState(headerValue(headers, 'x-cache')) };
        },
      },
    ],
  } as autocannon.Options) as unknown as Emitter;
  (instance as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    const bad = status !== 200;
    if (bad) unexpected++;
    const noted = current ?? { kind: 'front' as ReadKind, state: 'absent' };
    current = null;
    cacheStates[noted.state] = (cacheStates[noted.state] ?? 0) + 1;
    let k = perKind.get(noted.kind);
    if (!k) perKind.set(noted.kind, (k = { latencies: [], states: {}, errors: 0 }));
    k.latencies.push(ms);
    k.states[noted.state] = (k.states[noted.state] ?? 0) + 1;
    if (bad) k.errors++;
  });
  const result = await instance;
  const byKind: Partial<Record<ReadKind, KindStats>> = {};
  for (const [kind, k] of perKind) {
    byKind[kind] = { requests: k.latencies.length, p50: percentile(k.latencies, 50), p99: percentile(k.latencies, 99), errors: k.errors, cacheStates: k.states };
  }
  return { ...summary(result, latencies, unexpected, spec.duration), cacheStates, byKind };
}
