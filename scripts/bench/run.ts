/**
 * `npm run bench`: build, seed, boot in production mode, drive every scenario
 * with autocannon, and report (markdown table + JSON under bench/results/).
 * Flags: see USAGE in ./args.ts and docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ArgsError, parseArgs, phaseSeconds, resolveOnly, scenarioSeconds, USAGE, type BenchArgs } from './args';
import { appDir, baseEnv, build, distDir, loadStrapi, resetDatabase, rssMb, startServer, type Server } from './app';
import { explainList } from './explain';
import { runLoad } from './load';
import { ensureNginx, startNginx } from './nginx';
import { newsroomMix, prepareNewsroom, runNewsroom, type NewsroomInputs } from './newsroom';
import { CACHE_SERVED, PHASE_IDS, type PhaseId } from './newsroom-mix';
import {
  compareRuns, evaluateTargets, markdownTable, newsroomKindTable, newsroomTable, targetsTable, type NewsroomPhaseResult, type RunResult, type ScenarioResult,
} from './report';
import { ONLY_GROUPS, ONLY_IDS, prepareConditional, probe, scenarios, type Phase, type Scenario } from './scenarios';
import { log, seedBenchDatabase } from './seed';
import { loadTextBank } from './text-bank';
import { rawRequest } from './http-client';
import { READ_HEADERS } from './newsroom-mix';

const resultsDir = path.join(appDir, 'bench', 'results');

/** A scenario's stored response: the bytes as sent and the headers that say how to read them. */
interface StoredBody {
  body: Buffer;
  contentType: string;
  contentEncoding?: string;
  vary?: string;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The most frequent long word of the text bank: a search that matches many articles. */
function commonWord(): string {
  const counts = new Map<string, number>();
  for (const p of loadTextBank().paragraphs) {
    for (const w of p.split(/\s+/)) {
      const word = w.replace(/[^\u0621-\u064A]/g, '');
      if (word.length >= 6) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

async function databaseVersion(strapi: Core.Strapi, db: string): Promise<string> {
  const k = strapi.db.connection;
  if (db === 'postgres') return `PostgreSQL ${(await k.raw('SHOW server_version')).rows[0].server_version}`;
  return `SQLite ${(await k.raw('SELECT sqlite_version() AS v'))[0].v}`;
}

/** Build, seed (unless --skip-seed), EXPLAIN the list query; returns facts the scenarios need. */
async function prepare(args: BenchArgs, env: Record<string, string>, withNewsroom: boolean) {
  if (!args.skipBuild || !fs.existsSync(path.join(distDir, 'src', 'index.js'))) {
    log('strapi build (production)…');
    const t = Date.now();
    build(env);
    log(`built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  if (!args.skipSeed) await resetDatabase(env);
  const strapi = await loadStrapi(env);
  try {
    const knex = strapi.db.connection;
    if (!args.skipSeed) await seedBenchDatabase(strapi, { articles: args.articles });
    const published = await knex('articles').whereNotNull('published_at').count({ n: '*' }).first();
    log(`database holds ${Number(published?.n ?? 0).toLocaleString('en-US')} published article rows`);
    const newest = await knex('articles').whereNotNull('published_at').where({ locale: 'ar' }).orderBy('first_published_at', 'desc').select('slug').first();
    if (!newest) throw new Error('no published article in the bench database: run without --skip-seed');
    log('EXPLAIN of the article list statements…');
    const explain = await explainList(strapi, env);
    const newsroom = withNewsroom ? await prepareNewsroom(strapi) : null;
    return { slug: String(newest.slug), explain, dbVersion: await databaseVersion(strapi, args.db), newsroom };
  } finally {
    await strapi.destroy();
  }
}

async function measure(base: string, s: Scenario, args: BenchArgs): Promise<{ result: ScenarioResult; stored?: StoredBody }> {
  let scenario = s;
  if (s.expectStatus === 304) {
    const prepared = await prepareConditional(base, s);
    if ('note' in prepared) return { result: { id: s.id, label: s.label, status: 'n/a', note: prepared.note } };
    scenario = prepared.scenario;
  }
  const first = await probe(base, scenario);
  if (!first.ok) return { result: { id: s.id, label: s.label, status: 'n/a', note: first.note } };
  const spec = {
    url: base + scenario.path, method: scenario.method, headers: scenario.headers, body: scenario.body,
    expectStatus: scenario.expectStatus, connections: args.connections,
  };
  await runLoad({ ...spec, duration: 1 }); // warm-up: JIT, pools, caches; not recorded
  const seconds = scenarioSeconds(args);
  log(`${s.id}: ${seconds} s × ${args.connections} connections…`);
  const load = await runLoad({ ...spec, duration: seconds });
  const header = (name: string) => {
    const v = first.headers[name];
    return v === undefined ? undefined : String(v);
  };
  return {
    result: { id: s.id, label: s.label, status: 'ok', ...load },
    stored: { body: first.body, contentType: header('content-type') ?? 'application/json', contentEncoding: header('content-encoding'), vary: header('vary') },
  };
}

async function runPhase(server: Server, phase: Phase, list: Scenario[], args: BenchArgs, results: Map<string, ScenarioResult>, bodies: Map<string, StoredBody>) {
  for (const s of list.filter((x) => x.phase === phase)) {
    const { result, stored } = await measure(server.url, s, args);
    results.set(s.id, result);
    if (stored) bodies.set(s.id, stored);
    if (result.status === 'n/a') log(`${s.id}: n/a (${result.note})`);
    else log(`${s.id}: ${result.reqPerSec!.toFixed(0)} req/s, p95 ${result.p95!.toFixed(1)} ms, errors ${result.errors}`);
  }
}

/**
 * SQL statements per request, from the X-Query-Count header (BENCH_QUERY_COUNT=true)
 * on a cache-enabled server: the first request of a URL is a miss (cold count),
 * later ones show what a warm request costs.
 */
async function countQueries(server: Server, list: Scenario[], results: Map<string, ScenarioResult>) {
  await rawRequest(`${server.url}/api/articles?pagination[pageSize]=1`); // one-time lookups
  const seen = new Map<string, number[]>();
  const ordered = [...list].sort((a, b) => (a.phase === 'nocache' ? 0 : 1) - (b.phase === 'nocache' ? 0 : 1));
  for (const s of ordered) {
    const r = results.get(s.id);
    if (!r || r.status !== 'ok') continue;
    const key = `${s.method} ${s.path} ${s.body ?? ''}`;
    if (!seen.has(key)) {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await rawRequest(server.url + s.path, { method: s.method, headers: s.headers, body: s.body });
        const header = res.headers['x-query-count'] ?? null;
        counts.push(header === null ? NaN : Number(header));
      }
      seen.set(key, counts);
    }
    const counts = seen.get(key)!;
    const value = s.phase === 'nocache' ? counts[0] : counts[2];
    r.queries = Number.isNaN(value) ? null : value;
  }
}

async function measureNginx(args: BenchArgs, bodies: Map<string, StoredBody>): Promise<ScenarioResult> {
  const from = bodies.has('list-warm') ? 'list-warm' : 'list-cold';
  const list = bodies.get(from);
  const encoding = list?.contentEncoding ? `${list.contentEncoding}, ` : 'uncompressed, ';
  const base = { id: 'nginx', label: `limit: same bytes as ${from}${list ? ` (${encoding}${(list.body.length / 1024).toFixed(1)} KB)` : ''}, static file, nginx` };
  if (args.skipNginx) return { ...base, status: 'n/a', note: '--skip-nginx' };
  if (!list) return { ...base, status: 'n/a', note: 'article list failed' };
  let server;
  try {
    server = await startNginx(ensureNginx(log), list.body, list);
  } catch (err: any) {
    return { ...base, status: 'n/a', note: err.message.split('\n')[0] };
  }
  try {
    const spec = { url: server.url, headers: { ...READ_HEADERS }, expectStatus: 200, connections: args.connections };
    await runLoad({ ...spec, duration: 1 });
    const seconds = scenarioSeconds(args);
    log(`nginx: ${seconds} s × ${args.connections} connections…`);
    return { ...base, status: 'ok', queries: 0, ...(await runLoad({ ...spec, duration: seconds })) };
  } finally {
    await server.stop();
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
  };
}

async function bench(args: BenchArgs) {
  const ids = resolveOnly(args.only, ONLY_IDS, ONLY_GROUPS);
  const phaseIds = PHASE_IDS.filter((id) => ids.includes(id)) as PhaseId[];
  const env = baseEnv(args.db, args.articles);
  const loadBefore = os.loadavg()[0];
  const { slug, explain, dbVersion, newsroom } = await prepare(args, env, phaseIds.length > 0);
  const list = scenarios({ slug, searchWord: commonWord() }).filter((s) => ids.includes(s.id));
  const results = new Map<string, ScenarioResult>();
  const bodies = new Map<string, StoredBody>();
  let phases: NewsroomPhaseResult[] = [];

  log('boot 1/3: production, cache enabled (cold boot and idle memory measured here)');
  const warm = await startServer(env);
  await sleep(5_000);
  const idleRssMb = rssMb(warm.pid);
  log(`cold boot to first 200: ${warm.bootMs} ms; idle RSS ${idleRssMb} MB`);
  let peakRssMb: number | null = null;
  try {
    await runPhase(warm, 'cache', list, args, results, bodies);
    // Last on this server: the editors' writes change the data the single-URL scenarios read.
    if (phaseIds.length) phases = await runNewsroom(warm.url, newsroom as NewsroomInputs, phaseIds, { connections: args.connections, duration: phaseSeconds(args) });
    peakRssMb = rssMb(warm.pid, 'VmHWM');
  } finally {
    await warm.stop();
  }

  const otherBootsMs: number[] = [];
  if (list.some((s) => s.phase === 'nocache')) {
    log('boot 2/3: production, CACHE_ENABLED=false');
    const cold = await startServer({ ...env, CACHE_ENABLED: 'false' });
    otherBootsMs.push(cold.bootMs);
    try {
      await runPhase(cold, 'nocache', list, args, results, bodies);
    } finally {
      await cold.stop();
    }
  }

  if (list.length) {
    log('boot 3/3: BENCH_QUERY_COUNT=true (SQL statements per request)');
    const counting = await startServer({ ...env, BENCH_QUERY_COUNT: 'true' });
    otherBootsMs.push(counting.bootMs);
    try {
      await countQueries(counting, list, results);
    } finally {
      await counting.stop();
    }
  }

  const nginx = ids.includes('nginx') ? await measureNginx(args, bodies) : null;

  const run: RunResult = {
    meta: {
      date: new Date().toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      db: args.db,
      articles: args.articles,
      duration: scenarioSeconds(args),
      phaseDuration: phaseSeconds(args),
      connections: args.connections,
      // Other processes on the machine skew every number: recorded so a reader can judge.
      machine: { ...machine(), loadAvg1mBefore: loadBefore, loadAvg1mAfter: os.loadavg()[0] },
      versions: {
        node: process.version,
        strapi: require('@strapi/strapi/package.json').version,
        autocannon: require('autocannon/package.json').version,
        database: dbVersion,
      },
    },
    boot: { coldBootMs: warm.bootMs, idleRssMb, peakRssMb, otherBootsMs },
    scenarios: [...list.map((s) => results.get(s.id)!), ...(nginx ? [nginx] : [])],
    ...(phaseIds.length ? { newsroom: phases, newsroomMix: newsroomMix(newsroom as NewsroomInputs).info } : {}),
    explain,
  };
  run.targets = evaluateTargets(run);

  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = run.meta.date.replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `${stamp}-${args.db}-${args.articles}.json`);
  fs.writeFileSync(file, JSON.stringify(run, null, 2));
  fs.writeFileSync(path.join(resultsDir, `latest-${args.db}-${args.articles}.json`), JSON.stringify(run, null, 2));

  const m = run.meta;
  console.log(`\n## ${m.db}, ${m.articles.toLocaleString('en-US')} articles, ${m.connections} connections × ${m.duration} s per scenario${phaseIds.length ? `, ${m.phaseDuration} s per newsroom-day phase` : ''}\n`);
  console.log(`machine: ${m.machine.cpus} × ${m.machine.cpuModel}, ${m.machine.memoryGb} GB, load average ${Number(m.machine.loadAvg1mBefore).toFixed(1)} → ${Number(m.machine.loadAvg1mAfter).toFixed(1)}; node ${m.versions.node}, Strapi ${m.versions.strapi}, ${m.versions.database}\n`);
  if (run.scenarios.length) console.log(markdownTable(run));
  if (run.newsroom?.length) {
    const mix = run.newsroomMix!;
    const shares = Object.entries(mix.shares).map(([k, v]) => `${k} ${(v * 100).toFixed(0)} %`).join(', ');
    console.log(`\n### Newsroom day (cache on; reads: ${shares}; ${mix.distinctUrls} distinct URLs, Zipf s=${mix.zipfExponent} over ${newsroom!.slugs.length} slugs, seed ${mix.seed}; served from cache = X-Cache ${CACHE_SERVED.join(' or ')})\n`);
    console.log(newsroomTable(run.newsroom));
    console.log('');
    console.log(newsroomKindTable(run.newsroom));
  }
  console.log(`\ncold boot to first 200: ${run.boot.coldBootMs} ms; idle RSS: ${run.boot.idleRssMb} MB; peak RSS under load: ${run.boot.peakRssMb} MB\n`);
  // With --only, targets whose scenarios did not run are listed by name instead of as rows of n/a.
  const shown = args.only.length ? run.targets.filter((t) => t.pass !== null) : run.targets;
  console.log(targetsTable(shown));
  const undecided = run.targets.filter((t) => !shown.includes(t));
  if (undecided.length) console.log(`\nnot decided in this run (scenario not selected or n/a): ${undecided.map((t) => t.name).join('; ')}`);
  console.log(`\n### Query plans of the article list (${m.db === 'postgres' ? 'EXPLAIN ANALYZE' : 'EXPLAIN QUERY PLAN'})\n\n\`\`\`\n${explain}\n\`\`\``);
  console.log(`\nresults: ${path.relative(appDir, file)}`);
}

function compare([a, b]: [string, string]) {
  const load = (f: string): RunResult => JSON.parse(fs.readFileSync(path.resolve(f), 'utf8'));
  const [x, y] = [load(a), load(b)];
  const [small, large] = x.meta.articles <= y.meta.articles ? [x, y] : [y, x];
  console.log(targetsTable(compareRuns(small, large)));
}

async function main() {
  let args: BenchArgs;
  try {
    args = parseArgs(process.argv.slice(2));
    resolveOnly(args.only, ONLY_IDS, ONLY_GROUPS); // an unknown id is a usage error, before anything is built
  } catch (err) {
    if (!(err instanceof ArgsError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) return console.log(USAGE);
  if (args.compare) return compare(args.compare);
  await bench(args);
}

main().then(
  () => process.exit(0),
  (err) => {
    // knex errors quote the whole statement: a bulk INSERT would flood the terminal.
    console.error(String(err?.stack ?? err).slice(0, 3000));
    process.exit(1);
  },
);
