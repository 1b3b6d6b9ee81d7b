/**
 * `npm run bench:revisions`: what revisions cost a save.
 *
 *   npm run bench:revisions                            (SQLite, .tmp/bench-revisions.db, recreated)
 *   DATABASE_CLIENT=postgres npm run bench:revisions   (database newsroom_revisions_bench, recreated)
 *
 * Compiles the app, then twice — REVISIONS_ENABLED=false, then true — in a
 * fresh process on a fresh database: creates BENCH_ARTICLES (50) Arabic draft
 * articles of ~400 words, then makes BENCH_SAVES (1,000) draft saves through
 * the Document Service (round robin over the articles, a new title and body
 * each time: the path every admin save, REST and GraphQL update takes) and
 * BENCH_PUBLISHES (100) publishes, timing each and counting its SQL
 * statements. The first BENCH_WARMUP (50) saves are not counted. Prints both
 * runs and the difference; writes bench/results/revisions-<client>.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appDir, baseEnv, loadStrapi, resetDatabase } from './app';
import type { DbClient } from './args';
import { percentile } from './report';
import { log } from './seed';

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const CLIENT = (process.env.DATABASE_CLIENT || 'sqlite') as DbClient;
const ARTICLES = num('BENCH_ARTICLES', 50);
const SAVES = num('BENCH_SAVES', 1000);
const PUBLISHES = num('BENCH_PUBLISHES', 100);
const WARMUP = num('BENCH_WARMUP', 50);
const UID = 'api::article.article';

interface Timing {
  n: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  queriesPerOp: number;
}
interface RunResult {
  revisions: boolean;
  saves: Timing;
  publishes: Timing;
  revisionRows: number;
}

const round2 = (x: number) => +x.toFixed(2);
const timing = (ms: number[], queries: number): Timing => ({
  n: ms.length,
  meanMs: round2(ms.reduce((a, b) => a + b, 0) / ms.length),
  p50Ms: round2(percentile(ms, 50)),
  p95Ms: round2(percentile(ms, 95)),
  queriesPerOp: round2(queries / ms.length),
});

const WORDS = 'أعلنت وزارة الاقتصاد اليوم عن ارتفاع أسعار النفط في الأسواق الخليجية بعد اجتماع طارئ للمنتجين في العاصمة'.split(' ');
const paragraph = (seed: number, words: number) => ({
  type: 'paragraph',
  children: [{ type: 'text', text: Array.from({ length: words }, (_, i) => WORDS[(seed + i * 7) % WORDS.length]).join(' ') }],
});
const body = (seed: number) => Array.from({ length: 8 }, (_, i) => paragraph(seed + i, 50));

/** One measured run, in this process (Strapi keeps one global instance per process). */
async function measure(): Promise<RunResult> {
  const env = { ...baseEnv(CLIENT, 0), ...dbEnv() };
  await resetDatabase(env);
  const strapi = await loadStrapi({ ...env, REVISIONS_ENABLED: process.env.REVISIONS_ENABLED ?? 'true', CRON_ENABLED: 'false' });
  try {
    const docs = strapi.documents(UID) as any;
    const section = await (strapi.documents('api::section.section') as any).create({ locale: 'ar', data: { name: 'اقتصاد' } });
    const ids: string[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const a = await docs.create({ locale: 'ar', status: 'draft', data: { title: `خبر رقم ${i}`, excerpt: 'ملخص الخبر', body: body(i), section: section.documentId } });
      ids.push(a.documentId);
    }
    let queries = 0;
    strapi.db.connection.on('query', () => queries++);
    const run = async (count: number, op: (i: number) => Promise<unknown>) => {
      const ms: number[] = [];
      queries = 0;
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        await op(i);
        ms.push(performance.now() - started);
      }
      return { ms, queries };
    };
    const save = (i: number) => docs.update({ documentId: ids[i % ids.length], locale: 'ar', status: 'draft', data: { title: `خبر رقم ${i % ids.length} — تحديث ${i}`, body: body(i) } });
    await run(WARMUP, save);
    const saves = await run(SAVES, (i) => save(WARMUP + i));
    const publishes = await run(PUBLISHES, (i) => docs.publish({ documentId: ids[i % ids.length], locale: 'ar' }));
    const revisionRows = (await strapi.db.connection.schema.hasTable('article_revisions'))
      ? Number((await strapi.db.connection('article_revisions').count({ n: '*' }))[0].n)
      : 0;
    return {
      revisions: strapi.config.get('newsroom.desk.revisions') as boolean,
      saves: timing(saves.ms, saves.queries),
      publishes: timing(publishes.ms, publishes.queries),
      revisionRows,
    };
  } finally {
    await strapi.destroy();
  }
}

function dbEnv(): Record<string, string> {
  return CLIENT === 'postgres' ? { DATABASE_NAME: 'newsroom_revisions_bench' } : { DATABASE_FILENAME: '.tmp/bench-revisions.db' };
}

/** Runs `measure` in a child process with `revisions` on or off; its result is the last line of its output. */
function child(revisions: boolean): RunResult {
  const result = spawnSync(process.execPath, [...process.execArgv, __filename, '--measure'], {
    cwd: appDir,
    env: { ...process.env, REVISIONS_ENABLED: String(revisions) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = result.stdout.trim().split('\n').reverse().find((l) => l.startsWith('RESULT '));
  if (result.status !== 0 || !line) throw new Error(`measurement (revisions ${revisions}) failed (exit ${result.status})`);
  return JSON.parse(line.slice('RESULT '.length));
}

async function main() {
  if (process.argv.includes('--measure')) {
    const result = await measure();
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    process.exit(0);
  }
  log('compiling the app (TypeScript → dist/)…');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  await require('@strapi/strapi').compileStrapi({ appDir, ignoreDiagnostics: false });
  const runs: RunResult[] = [];
  for (const revisions of [false, true]) {
    log(`${SAVES} draft saves and ${PUBLISHES} publishes, revisions ${revisions ? 'on' : 'off'} (${CLIENT})…`);
    const r = child(revisions);
    log(`  save: mean ${r.saves.meanMs} ms, p50 ${r.saves.p50Ms} ms, p95 ${r.saves.p95Ms} ms, ${r.saves.queriesPerOp} queries; publish: mean ${r.publishes.meanMs} ms, ${r.publishes.queriesPerOp} queries; revision rows ${r.revisionRows}`);
    runs.push(r);
  }
  const [off, on] = runs;
  const overhead = {
    saveMeanMs: round2(on.saves.meanMs - off.saves.meanMs),
    saveMeanPercent: round2(((on.saves.meanMs - off.saves.meanMs) / off.saves.meanMs) * 100),
    saveQueries: round2(on.saves.queriesPerOp - off.saves.queriesPerOp),
    publishMeanMs: round2(on.publishes.meanMs - off.publishes.meanMs),
    publishQueries: round2(on.publishes.queriesPerOp - off.publishes.queriesPerOp),
  };
  log(`revisions add ${overhead.saveMeanMs} ms (${overhead.saveMeanPercent} %) and ${overhead.saveQueries} queries to a draft save; ${overhead.publishMeanMs} ms and ${overhead.publishQueries} queries to a publish`);
  const report = { client: CLIENT, articles: ARTICLES, saves: SAVES, publishes: PUBLISHES, cpus: os.cpus().length, loadavg: os.loadavg()[0], off, on, overhead, at: new Date().toISOString() };
  const out = path.join(appDir, 'bench', 'results', `revisions-${CLIENT}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`written to ${path.relative(appDir, out)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
