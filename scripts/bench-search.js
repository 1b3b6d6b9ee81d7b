#!/usr/bin/env node
'use strict';
/**
 * npm run bench:search — search latency and throughput on a large corpus.
 *
 *   DATABASE_CLIENT=postgres npm run bench:search   (database BENCH_DB_NAME, default newsroom_bench, recreated)
 *   DATABASE_CLIENT=sqlite   npm run bench:search   (file .tmp/bench.db, recreated)
 *
 * 1. Seeds BENCH_ARTICLES (100 000) published Arabic articles through the
 *    Query Engine's bulk createMany (draft + published row each, section
 *    link rows inserted directly) — bench data, so the Document Service is
 *    bypassed on purpose — then builds the index with the same code as
 *    `npm run search:reindex`. Both with progress bars.
 * 2. Starts the app in a child process and measures GET /api/search:
 *    sequential latency per query class, then a mixed workload at
 *    BENCH_CONCURRENCY (8) for BENCH_SECONDS (20) → p50/p95/rps.
 * Results are printed and written to bench/results/search-<client>.json.
 * BENCH_REUSE=true skips step 1 and measures the database of the last run.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const cliProgress = require('cli-progress');
const { appDir, loadStrapi, requireDist } = require('./lib/boot');

const CLIENT = process.env.DATABASE_CLIENT || 'sqlite';
const ARTICLES = Number(process.env.BENCH_ARTICLES || 100_000);
const WORDS = Number(process.env.BENCH_WORDS || 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const PORT = Number(process.env.BENCH_PORT || 1399);
const BATCH = 1000;
const UID = 'api::article.article';

// Secrets for a throwaway instance (never used for real data).
const benchEnv = {
  APP_KEYS: 'bench-a,bench-b', API_TOKEN_SALT: 'bench', ADMIN_JWT_SECRET: 'bench', TRANSFER_TOKEN_SALT: 'bench',
  JWT_SECRET: 'bench', ENCRYPTION_KEY: 'bench-encryption-key-0123456789ab', STRAPI_TELEMETRY_DISABLED: 'true',
  SEED_DEMO: 'false', LOG_LEVEL: 'error', RATE_LIMIT_ENABLED: 'false', DATABASE_CLIENT: CLIENT,
  // Measure the search itself: repeated queries would otherwise be response-cache hits.
  CACHE_ENABLED: 'false',
  ...(CLIENT === 'postgres' ? { DATABASE_NAME: process.env.BENCH_DB_NAME || 'newsroom_bench' } : { DATABASE_FILENAME: '.tmp/bench.db' }),
};
for (const [k, v] of Object.entries(benchEnv)) if (process.env[k] === undefined || k.startsWith('DATABASE_') || k === 'CACHE_ENABLED') process.env[k] = v;

// ---------------------------------------------------------------- corpus --
/** Deterministic PRNG (mulberry32) so every run indexes the same text. */
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20250301);

// Words nobody searches for: the head of the frequency distribution.
const FUNCTION_WORDS = (
  'في من على إلى أن عن مع هذا هذه التي الذي الذين كان كانت قد بين بعد قبل خلال حيث كما ذلك تلك وقد ' +
  'لقد ثم أو أي كل بعض غير عند منذ حتى إذا لكن بل هو هي هم نحن أنه أنها لم لن ما لا يكون تكون'
).split(' ');
// Topical words readers do search for; placed mid-distribution (each in ~2–8 % of articles, like real news topics).
const NEWS_WORDS = (
  'الحكومة الوزير الرئيس المملكة الإمارات قطر الكويت عمان البحرين السعودية دبي الرياض أبوظبي الدوحة مسقط المنامة ' +
  'الاقتصاد النفط الغاز الأسعار الأسواق البورصة الأسهم الاستثمار الميزانية العجز التضخم الفائدة البنك المركزي ' +
  'الشركة الأرباح الإيرادات المشروع التنمية البنية التحتية الطاقة المتجددة الشمسية الرياح الكهرباء المياه ' +
  'الصحة المستشفى الأطباء اللقاح المرضى التعليم المدرسة الجامعة الطلاب المعلمين الثقافة المعرض الكتاب المهرجان ' +
  'الرياضة كرة القدم المنتخب البطولة الدوري الملعب المباراة الفوز الهدف المدرب اللاعب الأولمبية ' +
  'السياحة الفنادق الطيران المطار الرحلات الميناء الشحن التجارة الصادرات الواردات الجمارك ' +
  'التقنية الذكاء الاصطناعي البيانات الإنترنت الهاتف التطبيقات الأمن السيبراني الشبكات الحوسبة ' +
  'المناخ الحرارة الأمطار العاصفة الزلزال الفيضانات البيئة التلوث الزراعة الغذاء ' +
  'القمة الاجتماع المؤتمر الاتفاقية المفاوضات السلام الأمم المتحدة مجلس التعاون الخليجي'
).split(' ');
const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const rareWord = () => Array.from({ length: 4 + Math.floor(rand() * 4) }, () => LETTERS[Math.floor(rand() * LETTERS.length)]).join('');
// Vocabulary by rank: function words, then synthetic words with the news words
// spread from rank 300 (≈ 8 % of articles) to rank ~1900 (≈ 1.5 %).
const VOCAB = (() => {
  const tail = [...new Set(Array.from({ length: 32_000 }, rareWord))].filter((w) => !NEWS_WORDS.includes(w));
  const vocab = [...FUNCTION_WORDS, ...tail.slice(0, 300 - FUNCTION_WORDS.length)];
  let t = 300 - FUNCTION_WORDS.length;
  for (const w of NEWS_WORDS) vocab.push(w, ...tail.slice(t, (t += 10)));
  return [...new Set([...vocab, ...tail.slice(t)])];
})();
// Zipf(1) sampling: probability of rank r ∝ 1/r.
const CDF = (() => {
  const w = VOCAB.map((_, i) => 1 / (i + 1));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
})();
function word() {
  const x = rand();
  let lo = 0;
  let hi = CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CDF[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo];
}
const sentence = (n) => Array.from({ length: n }, word).join(' ');
const documentId = () => crypto.randomBytes(12).toString('hex').slice(0, 24);

/**
 * Query classes by how many articles they match. The mixed workload uses the
 * realistic ones; `functionWord` (a word in ~40 % of articles, which nobody
 * types alone) is measured separately as the worst case.
 */
const QUERIES = {
  topic: ['اسعار', 'النفط', 'الملعب', 'المطار', 'الجمارك', 'المستشفى', 'الحوسبة', 'الفيضانات'],
  rare: VOCAB.slice(10000, 10008),
  twoWords: ['النفط الاسعار', 'المستشفى الاطباء', 'المنتخب البطولة', 'الطيران المطار'],
  phrase: ['"البنك المركزي"', '"كرة القدم"', '"الذكاء الاصطناعي"'],
  exclusion: ['النفط -الغاز', 'المدرسة -الجامعة', 'الاسعار -البورصة'],
  orWords: ['قطر or الكويت', 'الزلزال or الفيضانات'],
};
const WORST_CASE = { functionWord: ['كان', 'بين', 'خلال'] };

// ---------------------------------------------------------------- seeding --
async function recreateDatabase() {
  if (CLIENT === 'postgres') {
    const { Client } = require('pg');
    const admin = new Client({ host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', password: process.env.DATABASE_PASSWORD || '', database: 'postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${process.env.DATABASE_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${process.env.DATABASE_NAME}`);
    await admin.end();
  } else {
    for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(appDir, `.tmp/bench.db${s}`), { force: true });
  }
}

async function seed(strapi) {
  const sections = [];
  for (const name of ['اقتصاد', 'رياضة', 'صحة', 'تقنية', 'محليات']) {
    sections.push(await strapi.documents('api::section.section').create({ data: { name }, locale: 'ar' }));
  }
  const sectionRows = await strapi.db.query('api::section.section').findMany({ where: { locale: 'ar' }, select: ['id', 'documentId'] });
  const link = strapi.db.metadata.get(UID).attributes.section.joinTable;

  const bar = new cliProgress.SingleBar({ format: 'seed   [{bar}] {percentage}% | {value}/{total} articles | ETA {eta_formatted}' }, cliProgress.Presets.shades_classic);
  bar.start(ARTICLES, 0);
  const started = Date.now();
  await strapi.db.transaction(async ({ trx }) => {
    for (let done = 0; done < ARTICLES; done += BATCH) {
      const rows = [];
      const sectionOf = [];
      const count = Math.min(BATCH, ARTICLES - done);
      for (let i = 0; i < count; i++) {
        const when = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 600 * 86400000));
        const base = {
          documentId: documentId(),
          title: sentence(6 + Math.floor(rand() * 6)),
          excerpt: sentence(25),
          body: [{ type: 'paragraph', children: [{ type: 'text', text: sentence(WORDS / 2) }] }, { type: 'paragraph', children: [{ type: 'text', text: sentence(WORDS / 2) }] }],
          readingTimeMinutes: Math.ceil(WORDS / 180),
          locale: 'ar',
          firstPublishedAt: when,
          createdAt: when,
          updatedAt: when,
        };
        base.slug = `bench-${base.documentId}`;
        rows.push({ ...base, publishedAt: null }, { ...base, publishedAt: when });
        const section = sectionRows[Math.floor(rand() * sectionRows.length)].id;
        sectionOf.push(section, section);
      }
      const { ids } = await strapi.db.query(UID).createMany({ data: rows });
      const links = ids.map((id, i) => ({ [link.joinColumn.name]: id, [link.inverseJoinColumn.name]: sectionOf[i] }));
      // SQLite caps a compound INSERT at 500 rows.
      for (let j = 0; j < links.length; j += 400) await trx(link.name).insert(links.slice(j, j + 400));
      bar.update(done + count);
    }
  });
  bar.stop();
  console.log(`seeded ${ARTICLES} articles (${ARTICLES * 2} rows) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const { reindexArticles } = requireDist('src/services/search');
  const indexBar = new cliProgress.SingleBar({ format: 'index  [{bar}] {percentage}% | {value}/{total} versions | ETA {eta_formatted}' }, cliProgress.Presets.shades_classic);
  const indexStarted = Date.now();
  await reindexArticles(strapi, (done, total) => (done === 0 ? indexBar.start(total, 0) : indexBar.update(done)), 1000);
  indexBar.stop();
  const indexSeconds = (Date.now() - indexStarted) / 1000;
  console.log(`indexed in ${indexSeconds.toFixed(1)} s`);
  // Bulk-loaded tables have no planner statistics until autovacuum gets to them; production tables do.
  await strapi.db.connection.raw(CLIENT === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
  return { indexSeconds };
}

// ---------------------------------------------------------------- measuring --
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: +percentile(s, 50).toFixed(1), p95: +percentile(s, 95).toFixed(1), max: +s[s.length - 1].toFixed(1) };
};

async function timedGet(q) {
  const url = `http://127.0.0.1:${PORT}/api/search?q=${encodeURIComponent(q)}&pageSize=20`;
  const t = process.hrtime.bigint();
  const res = await fetch(url);
  const body = await res.json();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (res.status !== 200) throw new Error(`${q}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return { ms, total: body.meta.pagination.total };
}

async function startServer() {
  const child = spawn(process.execPath, ['-e', `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(appDir)}, distDir: ${JSON.stringify(path.join(appDir, 'dist'))} }).start()`], {
    cwd: appDir,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/_health`);
      if (res.status < 500) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('server did not start');
}

async function measure() {
  const perClass = {};
  // Warm-up: every query once (caches, JIT, connection pool).
  for (const q of Object.values(QUERIES).flat()) await timedGet(q);
  for (const [name, queries] of Object.entries({ ...QUERIES, ...WORST_CASE })) {
    const ms = [];
    const totals = [];
    for (let round = 0; round < 5; round++) {
      for (const q of queries) {
        const r = await timedGet(q);
        ms.push(r.ms);
        totals.push(r.total);
      }
    }
    perClass[name] = { ...summary(ms), matches: `${Math.min(...totals)}–${Math.max(...totals)}` };
    console.log(name, perClass[name]);
  }
  const all = Object.values(QUERIES).flat();
  const latencies = [];
  let i = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) latencies.push((await timedGet(all[i++ % all.length])).ms);
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  return { sequential: perClass, concurrent: { concurrency: CONCURRENCY, seconds: +elapsed.toFixed(1), ...summary(latencies), rps: +(latencies.length / elapsed).toFixed(1) } };
}

async function main() {
  let seeded = { indexSeconds: NaN };
  if (process.env.BENCH_REUSE === 'true') {
    // Measure again on the database left by a previous run (compiled app in dist/).
  } else {
    await recreateDatabase();
    const strapi = await loadStrapi();
    try {
      seeded = await seed(strapi);
    } finally {
      await strapi.destroy();
    }
  }
  const server = await startServer();
  let results;
  try {
    results = await measure();
  } finally {
    server.kill('SIGTERM');
  }
  const report = {
    client: CLIENT,
    articles: ARTICLES,
    wordsPerBody: WORDS,
    machine: `${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    indexSeconds: +seeded.indexSeconds.toFixed(1),
    ...results,
  };
  console.log(JSON.stringify(report, null, 2));
  fs.mkdirSync(path.join(appDir, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(appDir, `bench/results/search-${CLIENT}.json`), JSON.stringify(report, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
