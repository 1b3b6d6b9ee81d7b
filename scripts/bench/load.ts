/** Drives one scenario with autocannon at fixed concurrency for a fixed duration. */
import autocannon from 'autocannon';
import { percentile, type ScenarioResult } from './report';

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

export async function runLoad(spec: LoadSpec): Promise<Omit<ScenarioResult, 'id' | 'label' | 'status'>> {
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
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>; // the promise form is also the event emitter
  // autocannon's histogram has p50/p90/p97.5/p99 but no p95: keep every latency.
  (instance as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (status !== spec.expectStatus) unexpected++;
  });
  const result = await instance;
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.total / (result.duration || spec.duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: unexpected + result.errors + result.timeouts,
    bytes: result.throughput.total / Math.max(1, result.requests.total),
  };
}
