/**
 * `npm run bench:search`: search latency and throughput on a large corpus.
 *
 *   DATABASE_CLIENT=postgres npm run bench:search   (database newsroom_search_<N>, recreated)
 *   DATABASE_CLIENT=sqlite   npm run bench:search   (file .tmp/bench-search-<N>.db, recreated)
 *
 * 1. Compiles the app (TypeScript → dist/; no admin panel needed) and seeds
 *    BENCH_ARTICLES (100 000) published Arabic articles through the same bulk
 *    seeder and index rebuild as `npm run bench` (seed.ts), with the Zipf
 *    corpus of search-corpus.ts, so query classes match known shares of the
 *    archive. Cards are complete: section, 1–2 authors with avatar, 3–5 tags, cover.
 * 2. Starts `strapi start` in production mode and measures
 *    GET /api/search?q=…&pageSize=20 from this process: each query class
 *    sequentially (BENCH_ROUNDS rounds), then the mixed workload for
 *    BENCH_SECONDS at 1, 2 and BENCH_CONCURRENCY connections. Twice:
 *    - cold: CACHE_ENABLED=false, every request runs the index query and
 *      loads, sanitizes and decorates its 20 cards;
 *    - warm cards: caches on, but every request has a query string never seen
 *      before (a response-cache miss) while its cards were rendered recently.
 * Results are printed and written to bench/results/search-<client>.json.
 * BENCH_REUSE=true skips step 1's seeding and measures the database of the last run;
 * BENCH_PHASES=cold measures the cold phase only (e.g. for indexing and query
 * cost before/after a change).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appDir, baseEnv, loadStrapi, resetDatabase, startServer, type Server } from './app';
import type { DbClient } from './args';
import { percentile } from './report';
import { searchCorpus } from './search-corpus';
import { log, seedBenchDatabase, type SeedReport } from './seed';

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const CLIENT = (process.env.DATABASE_CLIENT || 'sqlite') as DbClient;
const ARTICLES = num('BENCH_ARTICLES', 100_000);
const CONCURRENCY = num('BENCH_CONCURRENCY', 8);
const SECONDS = num('BENCH_SECONDS', 20);
const ROUNDS = num('BENCH_ROUNDS', 10);
const REUSE = process.env.BENCH_REUSE === 'true';
const PHASES = new Set((process.env.BENCH_PHASES || 'cold,warm').split(','));

interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

const round1 = (x: number) => +x.toFixed(1);
const summary = (ms: number[]): Summary => ({
  n: ms.length,
  p50: round1(percentile(ms, 50)),
  p95: round1(percentile(ms, 95)),
  max: round1(Math.max(...ms)),
});

let requestNumber = 0;

/**
 * `unique`: a query string never sent before, so the response cache never has the answer. The search
 * refuses unknown parameters, so it is the query's padding that differs: spaces before and after the
 * words (which the parser drops; 80 × 80 combinations, × 2 with an explicit page=1).
 */
function uniqueQuery(q: string): string {
  const n = ++requestNumber;
  const padded = `${' '.repeat(n % 80)}${q}${' '.repeat(Math.floor(n / 80) % 80)}`;
  return `q=${encodeURIComponent(padded)}${Math.floor(n / 6400) % 2 ? '&page=1' : ''}`;
}

async function timedGet(base: string, q: string, unique: boolean): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const res = await fetch(`${base}/api/search?${unique ? uniqueQuery(q) : `q=${encodeURIComponent(q)}`}&pageSize=20`);
  const body: any = await res.json();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${q}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return { ms, total: body.meta.pagination.total };
}

async function measure(server: Server, queries: Record<string, string[]>, worstCase: Record<string, string[]>, unique: boolean) {
  const base = server.url;
  // Warm-up: every query once (JIT, connection pool, PostgreSQL buffers; the cards, when cached).
  for (const q of Object.values({ ...queries, ...worstCase }).flat()) await timedGet(base, q, unique);

  const sequential: Record<string, Summary & { matches: string }> = {};
  for (const [name, list] of Object.entries({ ...queries, ...worstCase })) {
    const ms: number[] = [];
    const totals: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of list) {
        const result = await timedGet(base, q, unique);
        ms.push(result.ms);
        totals.push(result.total);
      }
    }
    sequential[name] = { ...summary(ms), matches: `${Math.min(...totals)}–${Math.max(...totals)}` };
    log(`${name.padEnd(13)} p50 ${sequential[name].p50} ms, p95 ${sequential[name].p95} ms (matches ${sequential[name].matches})`);
  }

  // Mixed workload: every realistic class, the function word left out.
  const mix = Object.values(queries).flat();
  const mixed: Array<Summary & { connections: number; seconds: number; rps: number }> = [];
  for (const connections of [...new Set([1, 2, CONCURRENCY])]) {
    const ms: number[] = [];
    let next = 0;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) ms.push((await timedGet(base, mix[next++ % mix.length], unique)).ms);
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    mixed.push({ connections, seconds: round1(elapsed), ...summary(ms), rps: round1(ms.length / elapsed) });
    const last = mixed[mixed.length - 1];
    log(`mixed × ${connections}: p50 ${last.p50} ms, p95 ${last.p95} ms, ${last.rps} req/s`);
  }
  return { sequential, mixed };
}

async function phase(env: Record<string, string>, label: string, unique: boolean, corpus: ReturnType<typeof searchCorpus>) {
  log(`${label}…`);
  const server = await startServer(env);
  try {
    return await measure(server, corpus.queries, corpus.worstCase, unique);
  } finally {
    await server.stop();
  }
}

async function main() {
  const env: Record<string, string> = baseEnv(CLIENT, ARTICLES, 'search');
  const corpus = searchCorpus();
  const loadBefore = os.loadavg()[0];

  log('compiling the app (TypeScript → dist/)…');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  await require('@strapi/strapi').compileStrapi({ appDir, ignoreDiagnostics: false });

  let seeded: SeedReport | null = null;
  if (!REUSE) {
    await resetDatabase(env);
    const strapi = await loadStrapi(env);
    try {
      seeded = await seedBenchDatabase(strapi, { articles: ARTICLES, text: corpus.text });
      if (CLIENT === 'postgres') await strapi.db.connection.raw('VACUUM ANALYZE');
    } finally {
      await strapi.destroy();
    }
  }

  const cold = await phase({ ...env, CACHE_ENABLED: 'false' }, 'cold: CACHE_ENABLED=false', false, corpus);
  const warmCards = PHASES.has('warm') ? await phase(env, 'production caches, every query string new (warm cards)', true, corpus) : null;

  const cpus = os.cpus();
  const report = {
    date: new Date().toISOString(),
    client: CLIENT,
    database: env.DATABASE_NAME ?? env.DATABASE_FILENAME,
    articles: ARTICLES,
    machine: `${cpus.length} × ${cpus[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadAvg1m: { before: loadBefore, after: os.loadavg()[0] },
    seeding: seeded && { articles: seeded.articles, rows: seeded.rows, seedSeconds: seeded.seedSeconds, indexSeconds: seeded.indexSeconds },
    cold,
    warmCards,
  };
  console.log(JSON.stringify(report, null, 2));
  const dir = path.join(appDir, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `search-${CLIENT}.json`), JSON.stringify(report, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
