/**
 * Stemming's cost on SQLite, in one process and without the app: the bench
 * corpus (search-corpus.ts) indexed and queried the way the index did before
 * stemming (FTS5 title/excerpt/body of normalizeArabic text, whole-word
 * queries) and the way it does now (search-index-terms.ts, toFts5Match).
 *
 *   npx tsx scripts/bench/search-stemming.ts [articles=5000]
 *
 * An in-memory database, so the figures are the CPU of analysing, inserting
 * and matching; `npm run bench:search` measures the whole request.
 */
import { normalizeArabic } from '../../src/lib/arabic-normalize';
import { fts5Columns } from '../../src/lib/search-index-terms';
import { parseSearchQuery, toFts5Match } from '../../src/lib/search-query';
import { searchCorpus } from './search-corpus';
import { rng } from './text-bank';

// better-sqlite3 ships no types: the part used here.
interface Statement { run(...values: unknown[]): unknown; all(...values: unknown[]): unknown[]; get(...values: unknown[]): unknown }
interface SqliteDb { exec(sql: string): void; prepare(sql: string): Statement; transaction(fn: () => void): () => void; close(): void }
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Database: new (file: string) => SqliteDb = require('better-sqlite3');

const N = Number(process.argv[2]) || 5000;
const corpus = searchCorpus();
const random = rng(42);
const articles = Array.from({ length: N }, () => ({
  title: corpus.text.title(random),
  excerpt: corpus.text.excerpt(random),
  body: corpus.text.body(random).map((p) => p.children[0].text).join('\n'),
}));
const queries = Object.values(corpus.queries).flat();

/** The FTS5 query before stemming: every word quoted, whole words (as toFts5Match was). */
function wholeWords(q: string): string {
  return parseSearchQuery(q)
    .map((g) => {
      const phrase = (t: { words: string[] }) => `"${t.words.join(' ')}"`;
      const must = g.filter((t) => !t.negated).map(phrase).join(' AND ');
      return g.filter((t) => t.negated).reduce((expr, t) => `(${expr}) NOT ${phrase(t)}`, `(${must})`);
    })
    .join(' OR ');
}

function run(label: string, columns: string[], row: (a: (typeof articles)[0]) => string[], match: (q: string) => string, weights: string, options = '') {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(${columns.join(', ')}, tokenize = 'unicode61 remove_diacritics 2'${options})`);
  const insert = db.prepare(`INSERT INTO fts (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  let started = performance.now();
  db.transaction(() => articles.forEach((a) => insert.run(...row(a))))();
  const indexMs = performance.now() - started;
  const search = db.prepare(`SELECT rowid, bm25(fts, ${weights}) AS r FROM fts WHERE fts MATCH ? ORDER BY r LIMIT 20`);
  const count = db.prepare('SELECT count(*) AS n FROM fts WHERE fts MATCH ?');
  for (const q of queries) search.all(match(q)); // warm-up
  const rounds = 20;
  let matches = 0;
  started = performance.now();
  for (let r = 0; r < rounds; r++) for (const q of queries) {
    search.all(match(q));
    matches += r === 0 ? (count.get(match(q)) as { n: number }).n : 0;
  }
  const queryMs = (performance.now() - started) / (rounds * queries.length);
  console.log(`${label}: index ${(indexMs / N).toFixed(3)} ms/article (${(indexMs / 1000).toFixed(1)} s), query ${queryMs.toFixed(2)} ms, matches ${matches}`);
  db.close();
  return { indexMs, queryMs };
}

const before = run(
  'whole words',
  ['title', 'excerpt', 'body'],
  (a) => [normalizeArabic(a.title), normalizeArabic(a.excerpt), normalizeArabic(a.body)],
  wholeWords,
  '10.0, 4.0, 1.0',
);
const after = run(
  'stemmed    ',
  ['title', 'excerpt', 'body', 'title_k', 'excerpt_k', 'body_k', 'alt'],
  (a) => {
    const c = fts5Columns(a);
    return [c.title, c.excerpt, c.body, c.title_k, c.excerpt_k, c.body_k, c.alt];
  },
  (q) => toFts5Match(parseSearchQuery(q)),
  '10.0, 4.0, 1.0, 5.0, 2.0, 0.5, 0.5',
);
const contentless = run(
  'contentless',
  ['title', 'excerpt', 'body', 'title_k', 'excerpt_k', 'body_k', 'alt'],
  (a) => {
    const c = fts5Columns(a);
    return [c.title, c.excerpt, c.body, c.title_k, c.excerpt_k, c.body_k, c.alt];
  },
  (q) => toFts5Match(parseSearchQuery(q)),
  '10.0, 4.0, 1.0, 5.0, 2.0, 0.5, 0.5',
  ", content='', contentless_delete=1",
);
console.log(`contentless / stemmed: index ×${(contentless.indexMs / after.indexMs).toFixed(2)}`);
console.log(`stemmed / whole words: index ×${(after.indexMs / before.indexMs).toFixed(2)}, query ×${(after.queryMs / before.queryMs).toFixed(2)}`);
