/**
 * npm run bench:soak — issue 13's soak: mixed traffic at 64 connections for 60 s
 * through nginx on two `strapi start` nodes (one PostgreSQL, one Redis: the
 * cluster script's code), while a writer publishes a story every 2 s. Pass
 * criteria, checked and printed: zero 5xx, zero lost writes (every write
 * acknowledged with a 2xx is in the database afterwards), and each node's
 * resident memory, and its V8 heap after a full collection (memory-probe.js),
 * grow less than 10 % from the end of the warm-up to the end.
 *
 *   npm run bench:soak -- [--duration 60] [--connections 64] [--articles 1000] [--skip-build] [--skip-seed]
 *
 * The read mix is the newsroom-day one (front page, five sections, articles by
 * slug Zipf-skewed, RSS) plus feed polls with ETags (If-None-Match → 304) and
 * searches. Results: bench/results/soak-latest.json; docs/benchmarks.md, "Soak".
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { startCluster } from '../lib/cluster';
import { appDir, baseEnv, loadStrapi, pgClient, resetDatabase, rssMb } from './app';
import { buildMix, DEFAULT_MIX_SEED, READ_HEADERS } from './newsroom-mix';
import { prepareNewsroom } from './newsroom';
import { percentile } from './report';
import { log, seedBenchDatabase } from './seed';

interface SoakArgs {
  duration: number;
  connections: number;
  articles: number;
  skipSeed: boolean;
  compile: boolean;
}

function parse(argv: string[]): SoakArgs {
  const args: SoakArgs = { duration: 60, connections: 64, articles: 1000, skipSeed: false, compile: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const number = () => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} takes a positive integer, got ${argv[i]}`);
      return value;
    };
    if (flag === '--duration') args.duration = number();
    else if (flag === '--connections') args.connections = number();
    else if (flag === '--articles') args.articles = number();
    else if (flag === '--skip-seed') args.skipSeed = true;
    else if (flag === '--skip-build') args.compile = false;
    else throw new Error(`unknown flag ${flag} (npm run bench:soak -- [--duration 60] [--connections 64] [--articles 1000] [--skip-build] [--skip-seed])`);
  }
  return args;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type MemoryFields = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };

/** A node's memory right after the full collections the soak asked for (memory-probe.js): the first and the last. */
function afterCollections(file: string): { warm: MemoryFields; end: MemoryFields } | null {
  if (!fs.existsSync(file)) return null;
  const samples: Array<MemoryFields & { gc?: boolean }> = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const collected = samples.filter((s) => s.gc);
  if (collected.length < 2) return null;
  const pick = ({ rss, heapUsed, heapTotal, external, arrayBuffers }: MemoryFields) => ({ rss, heapUsed, heapTotal, external, arrayBuffers });
  return { warm: pick(collected[0]), end: pick(collected[collected.length - 1]) };
}
const median = (xs: number[]) => percentile(xs, 50);
type Kind = 'front' | 'section' | 'slug' | 'rss' | 'feed-304' | 'search';

async function main() {
  const args = parse(process.argv.slice(2));
  const database = 'newsroom_soak';
  // One client IP sends every search: the search budget out of the way too (baseEnv lifts the others).
  const env = { ...baseEnv('postgres', args.articles), DATABASE_NAME: database, RATE_LIMIT_SEARCH_PER_MIN: '1000000000' };

  // 1. Seed (bulk rows, search index, read model) in-process, then hand the database to the cluster.
  if (!args.skipSeed) await resetDatabase(env);
  const strapi = await loadStrapi(env);
  let inputs;
  let sectionId: string;
  try {
    if (!args.skipSeed) await seedBenchDatabase(strapi, { articles: args.articles });
    inputs = await prepareNewsroom(strapi);
    sectionId = String((await strapi.db.connection('sections').where({ slug: inputs.sections[0] }).first('document_id')).document_id);
  } finally {
    await strapi.destroy();
  }
  const { DATABASE_NAME: _name, DATABASE_CLIENT: _client, ...nodeEnv } = env as Record<string, string>;
  // Each node writes its memory split (RSS, V8 heap, external) every second: heap growth to a plateau vs a leak.
  const memoryDir = path.join(appDir, '.tmp', 'cluster-soak', 'memory');
  fs.rmSync(memoryDir, { recursive: true, force: true });
  fs.mkdirSync(memoryDir, { recursive: true });
  const probe = `--require ${path.join(__dirname, 'memory-probe.js')}`;
  Object.assign(nodeEnv, { SOAK_MEMORY_DIR: memoryDir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${probe}`.trim() });
  const cluster = await startCluster({ nodes: 2, database, compile: args.compile, env: nodeEnv, dir: path.join(appDir, '.tmp', 'cluster-soak'), log });

  try {
    // 2. The schedule: newsroom-day reads, feed polls with the ETag they last got, searches.
    const feedEtags: Array<{ path: string; etag: string }> = [];
    for (const feed of ['/api/feeds/rss', '/api/feeds/json', '/api/feeds/ninjs']) {
      const res = await fetch(cluster.url + feed, { headers: READ_HEADERS });
      const etag = res.headers.get('etag');
      await res.arrayBuffer();
      if (res.status === 200 && etag) feedEtags.push({ path: feed, etag });
    }
    const words = [...new Set(inputs.slugs.slice(0, 40).map((slug) => decodeURIComponent(slug).split('-')[0]).filter((w) => w.length > 2))].slice(0, 20);
    const reads = buildMix({ sections: inputs.sections, slugs: inputs.slugs, size: 8_000, seed: DEFAULT_MIX_SEED, zipfExponent: 1 });
    const schedule: Array<{ kind: Kind; path: string; headers: Record<string, string> }> = [];
    reads.forEach((entry, i) => {
      schedule.push({ kind: entry.kind, path: entry.path, headers: { ...READ_HEADERS } });
      if (i % 8 === 0 && feedEtags.length) {
        const feed = feedEtags[(i / 8) % feedEtags.length];
        schedule.push({ kind: 'feed-304', path: feed.path, headers: { ...READ_HEADERS, 'if-none-match': feed.etag } });
      }
      if (i % 10 === 0 && words.length) schedule.push({ kind: 'search', path: `/api/search?q=${encodeURIComponent(words[(i / 10) % words.length])}`, headers: { ...READ_HEADERS } });
    });

    // 3. The writer: a published story every 2 s through nginx, each acknowledged title noted.
    const acknowledged: string[] = [];
    const writeStatuses: Record<number, number> = {};
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const title = `خبر الاختبار الطويل رقم ${n} ${Date.now()}`;
        const res = await fetch(`${cluster.url}/api/articles?locale=ar`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${inputs.token}` },
          body: JSON.stringify({ data: { title, body: inputs.live.body, section: sectionId } }),
        }).catch(() => null);
        const status = res?.status ?? 0;
        const text = (await res?.text()) ?? '';
        if (status !== 200 && status !== 201 && !writeStatuses[status]) log(`write → ${status}: ${text.slice(0, 300)}`);
        writeStatuses[status] = (writeStatuses[status] ?? 0) + 1;
        if (status === 200 || status === 201) acknowledged.push(title);
        await sleep(2_000);
      }
    })();

    // 4. Memory of each node, every second.
    const memory: Array<{ t: number; mb: number[] }> = [];
    const started = performance.now();
    const sampler = setInterval(() => memory.push({ t: (performance.now() - started) / 1000, mb: cluster.nodes.map((node) => rssMb(node.pid) ?? NaN) }), 1_000);

    const statuses: Record<number, number> = {};
    const byKind = new Map<Kind, { latencies: number[]; bad: number }>();
    let next = 0;
    let current: Kind = 'front';
    log(`soak: ${args.duration} s × ${args.connections} connections through nginx (${cluster.url}), 2 nodes, a writer every 2 s…`);
    const instance = autocannon({
      url: cluster.url,
      connections: args.connections,
      duration: args.duration,
      timeout: 10,
      requests: [
        {
          method: 'GET',
          setupRequest: (request: autocannon.Request, context: Record<string, unknown>) => {
            const entry = schedule[next++ % schedule.length];
            context.kind = entry.kind;
            return { ...request, method: 'GET', path: entry.path, headers: entry.headers };
          },
          onResponse: (_status: number, _body: string, context: Record<string, unknown>) => {
            current = context.kind as Kind;
          },
        },
      ],
    } as autocannon.Options) as unknown as NodeJS.EventEmitter & Promise<autocannon.Result>;
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      let k = byKind.get(current);
      if (!k) byKind.set(current, (k = { latencies: [], bad: 0 }));
      k.latencies.push(ms);
      const expected = current === 'feed-304' ? [200, 304] : [200];
      if (!expected.includes(status)) k.bad++;
    });
    // A full collection on each node (memory-probe.js) after the warm-up's RSS window, under load, and once the
    // load has ended: outside the RSS windows, which a forced collection would disturb (compaction maps pages).
    const collect = () => cluster.nodes.forEach((node) => process.kill(node.pid, 'SIGUSR2'));
    const warmUpEnd = Math.max(10, args.duration / 4);
    const warmCollection = setTimeout(collect, (warmUpEnd + 5.5) * 1000);
    const result = await instance;
    clearTimeout(warmCollection);
    collect();
    await sleep(1_500);
    clearInterval(sampler);
    writing = false;
    await writer;

    // 5. Every acknowledged write is in the database.
    const client = pgClient(env, database);
    await client.connect();
    let lost: string[];
    try {
      const { rows } = await client.query("SELECT DISTINCT title FROM articles WHERE title LIKE 'خبر الاختبار الطويل رقم %' AND published_at IS NOT NULL");
      const stored = new Set(rows.map((r: { title: string }) => r.title));
      lost = acknowledged.filter((title) => !stored.has(title));
    } finally {
      await client.end();
    }

    // 6. Memory, each node, from the end of the warm-up (the first quarter, at least 10 s) to the end. Pass: RSS
    // (medians of the 5 s after the warm-up and of the last 5 s) and the V8 heap left by a full collection (what a
    // leak grows; RSS also holds the garbage V8 lets pile up between its own major collections) each grow < 10 %.
    const warm = warmUpEnd;
    const window = (from: number, to: number, i: number) => median(memory.filter((m) => m.t >= from && m.t < to).map((m) => m.mb[i]));
    const nodes = cluster.nodes.map((node, i) => {
      const afterWarmUp = window(warm, warm + 5, i);
      const atEnd = window(args.duration - 5, args.duration + 1, i);
      const collected = afterCollections(path.join(memoryDir, `${node.pid}.jsonl`));
      const growth = (from: number, to: number) => +(((to - from) / from) * 100).toFixed(1);
      return {
        node: node.name,
        afterWarmUpMb: afterWarmUp,
        endMb: atEnd,
        growthPct: growth(afterWarmUp, atEnd),
        afterFullGc: collected && { ...collected, heapGrowthPct: growth(collected.warm.heapUsed, collected.end.heapUsed) },
      };
    });
    const fiveXx = Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0) + Object.entries(writeStatuses).filter(([s]) => Number(s) >= 500 || Number(s) === 0).reduce((n, [, c]) => n + c, 0);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const kinds = [...byKind.entries()].map(([kind, k]) => ({ kind, requests: k.latencies.length, p50: round(percentile(k.latencies, 50)), p99: round(percentile(k.latencies, 99)), unexpected: k.bad }));
    const report = {
      date: new Date().toISOString(),
      args,
      requests: result.requests.total,
      reqPerSec: Math.round(result.requests.total / (result.duration || args.duration)),
      errors: result.errors,
      timeouts: result.timeouts,
      statuses,
      kinds,
      writes: { statuses: writeStatuses, acknowledged: acknowledged.length, lost: lost.length },
      nodes,
      pass: {
        zero5xx: fiveXx === 0 && result.errors === 0 && result.timeouts === 0,
        zeroLost: lost.length === 0,
        memory: nodes.every((n) => n.growthPct < 10 && !!n.afterFullGc && n.afterFullGc.heapGrowthPct < 10),
      },
    };
    const out = path.join(appDir, 'bench', 'results', 'soak-latest.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

    log(`${report.requests.toLocaleString('en-US')} requests, ${report.reqPerSec} req/s; statuses ${JSON.stringify(statuses)}; connection errors ${result.errors}, timeouts ${result.timeouts}`);
    log('| kind | requests | p50 ms | p99 ms | unexpected status |');
    log('|---|---|---|---|---|');
    for (const k of kinds) log(`| ${k.kind} | ${k.requests} | ${k.p50} | ${k.p99} | ${k.unexpected} |`);
    log(`writes: ${acknowledged.length} acknowledged (${JSON.stringify(writeStatuses)}), ${lost.length} lost`);
    const signed = (pct: number) => `${pct >= 0 ? '+' : ''}${pct} %`;
    for (const n of nodes) {
      const gc = n.afterFullGc;
      log(`node ${n.node}: RSS ${n.afterWarmUpMb} MB after warm-up → ${n.endMb} MB at the end (${signed(n.growthPct)})`);
      log(
        gc
          ? `  after a full GC: heap used ${gc.warm.heapUsed} → ${gc.end.heapUsed} MB (${signed(gc.heapGrowthPct)}), external ${gc.warm.external} → ${gc.end.external} MB`
          : '  no full-GC samples (memory-probe.js did not run)',
      );
    }
    log(`pass: zero 5xx ${report.pass.zero5xx}, zero lost writes ${report.pass.zeroLost}, memory growth < 10 % (RSS, heap after a full GC) ${report.pass.memory} → ${out}`);
    if (!Object.values(report.pass).every(Boolean)) process.exitCode = 1;
  } finally {
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
