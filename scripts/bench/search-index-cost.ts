/**
 * The SQLite index build and query, before stemming and now, in ONE process
 * and interleaved, so a shared machine's load swings hit every variant alike:
 *
 *   npx tsx scripts/bench/search-index-cost.ts [articles=5000] [rounds=3]
 *
 * Each round inserts the bench corpus (search-corpus.ts, the text of
 * `npm run bench:search`) into fresh SQLite files through knex, in one
 * transaction and batches of 1000 rows as `reindex` does, four ways:
 *  - before stemming: the engine as it was (per row: the article_search row,
 *    then the FTS5 row of normalizeArabic text; title/excerpt/body; unicode61);
 *  - stemmed, as merged: the same two statements per row, 7 FTS5 columns from
 *    fts5Columns, unicode61 tokenizer;
 *  - stemmed, batched: `sqliteEngine.insert` (multi-row INSERTs), unicode61;
 *  - stemmed, batched, ascii (now): the same with the `ascii` tokenizer, as
 *    the app's table is now.
 * Then the bench queries (all classes, 20 rounds) through the engine's index
 * query (match, rank, filter, page): the whole-word match before, toFts5Match now.
 * Medians over the rounds; the ratio to "before" is what issue 18 bounds (≤ 1.2).
 * What it leaves out (the same in all three): reading the articles, blocks → text,
 * the HTTP request around a query.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { normalizeArabic } from '../../src/lib/arabic-normalize';
import { fts5Columns } from '../../src/lib/search-index-terms';
import { parseSearchQuery, toFts5Match } from '../../src/lib/search-query';
import { indexColumns, sqliteEngine } from '../../src/api/search/engines/sqlite';
import type { IndexRow } from '../../src/api/search/engines/types';
import { searchCorpus } from './search-corpus';
import { rng } from './text-bank';

const N = Number(process.argv[2]) || 5000;
const ROUNDS = Number(process.argv[3]) || 3;
const BATCH = 1000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-cost-'));

const TABLE = `CREATE TABLE article_search (
  id INTEGER PRIMARY KEY AUTOINCREMENT, document_id TEXT NOT NULL, locale TEXT NOT NULL, section_id TEXT, published_at TEXT,
  title TEXT NOT NULL DEFAULT '', excerpt TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '', UNIQUE (document_id, locale))`;
const FTS_BEFORE = "CREATE VIRTUAL TABLE article_search_fts USING fts5(title, excerpt, body, tokenize = 'unicode61 remove_diacritics 2')";
const FTS_MERGED = "CREATE VIRTUAL TABLE article_search_fts USING fts5(title, excerpt, body, title_k, excerpt_k, body_k, alt, tokenize = 'unicode61 remove_diacritics 2')";
// As database/migrations/2026.12.02T06.00.00.article-search-fts-ascii.js creates it.
const FTS_NOW = FTS_MERGED.replace('unicode61 remove_diacritics 2', 'ascii');

const corpus = searchCorpus();
const random = rng(42);
const rows: IndexRow[] = Array.from({ length: N }, (_, i) => ({
  documentId: `doc${String(i).padStart(20, '0')}`,
  locale: 'ar',
  sectionId: null,
  publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  title: corpus.text.title(random),
  excerpt: corpus.text.excerpt(random),
  body: corpus.text.body(random).map((p) => p.children[0].text).join('\n'),
}));
const queries = Object.values(corpus.queries).flat();

type Insert = (db: Knex, rows: IndexRow[]) => Promise<void>;

/** The SQLite engine's insert before stemming (fc06a1c). */
const insertBefore: Insert = async (db, batch) => {
  for (const r of batch) {
    const [{ id }] = await db('article_search').insert(indexColumns(r)).returning('id');
    await db.raw('INSERT INTO article_search_fts (rowid, title, excerpt, body) VALUES (?, ?, ?, ?)', [id, normalizeArabic(r.title), normalizeArabic(r.excerpt), normalizeArabic(r.body)]);
  }
};

/** The stemmed engine's insert as first merged: two statements per row. */
const insertPerRow: Insert = async (db, batch) => {
  for (const r of batch) {
    const [{ id }] = await db('article_search').insert(indexColumns(r)).returning('id');
    const c = fts5Columns(r);
    await db.raw('INSERT INTO article_search_fts (rowid, title, excerpt, body, title_k, excerpt_k, body_k, alt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [id, c.title, c.excerpt, c.body, c.title_k, c.excerpt_k, c.body_k, c.alt]);
  }
};

/** The whole-word FTS5 query before stemming (toFts5Match as it was). */
const wholeWords = (q: string) =>
  parseSearchQuery(q)
    .map((g) => {
      const phrase = (t: { words: string[] }) => `"${t.words.join(' ').replace(/"/g, '""')}"`;
      const must = g.filter((t) => !t.negated).map(phrase).join(' AND ');
      return g.filter((t) => t.negated).reduce((expr, t) => `(${expr}) NOT ${phrase(t)}`, `(${must})`);
    })
    .join(' OR ');

const SEARCH = (weights: string) => `WITH m AS MATERIALIZED (
    SELECT rowid AS id, bm25(article_search_fts, ${weights}) AS rank FROM article_search_fts WHERE article_search_fts MATCH ?
  ) SELECT s.id, count(*) OVER () AS total FROM m JOIN article_search s ON s.id = m.id WHERE s.locale = ?
  ORDER BY m.rank, s.published_at DESC, s.document_id LIMIT 20 OFFSET 0`;

interface Variant {
  name: string;
  fts: string;
  insert: Insert;
  query: (db: Knex, q: string) => Promise<unknown>;
}
const stemmedQuery = (db: Knex, q: string) => db.raw(SEARCH('10.0, 4.0, 1.0, 5.0, 2.0, 0.5, 0.5'), [toFts5Match(parseSearchQuery(q)), 'ar']);
const variants: Variant[] = [
  { name: 'before stemming', fts: FTS_BEFORE, insert: insertBefore, query: (db, q) => db.raw(SEARCH('10.0, 4.0, 1.0'), [wholeWords(q), 'ar']) },
  { name: 'stemmed, as merged', fts: FTS_MERGED, insert: insertPerRow, query: stemmedQuery },
  { name: 'stemmed, batched', fts: FTS_MERGED, insert: (db, batch) => sqliteEngine.insert(db, batch), query: stemmedQuery },
  { name: 'stemmed, batched, ascii (now)', fts: FTS_NOW, insert: (db, batch) => sqliteEngine.insert(db, batch), query: stemmedQuery },
];

async function once(v: Variant, round: number): Promise<{ indexMs: number; queryMs: number }> {
  const file = path.join(dir, `${round}-${variants.indexOf(v)}.db`);
  const db = knexFactory({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });
  try {
    await db.raw(TABLE);
    await db.raw(v.fts);
    let started = performance.now();
    await db.transaction(async (trx) => {
      for (let i = 0; i < rows.length; i += BATCH) await v.insert(trx, rows.slice(i, i + BATCH));
    });
    const indexMs = performance.now() - started;
    for (const q of queries) await v.query(db, q); // warm-up
    started = performance.now();
    for (let r = 0; r < 20; r++) for (const q of queries) await v.query(db, q);
    return { indexMs, queryMs: (performance.now() - started) / (20 * queries.length) };
  } finally {
    await db.destroy();
    fs.rmSync(file, { force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const loadBefore = os.loadavg()[0];
  const results = new Map(variants.map((v) => [v.name, { index: [] as number[], query: [] as number[] }]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotated order: no variant always runs first (or last) in a round.
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(round + k) % variants.length];
      const r = await once(v, round);
      results.get(v.name)!.index.push(r.indexMs);
      results.get(v.name)!.query.push(r.queryMs);
      console.log(`round ${round + 1} ${v.name.padEnd(24)} index ${(r.indexMs / N).toFixed(3)} ms/article (${(r.indexMs / 1000).toFixed(1)} s), query ${r.queryMs.toFixed(2)} ms`);
    }
  }
  const base = results.get(variants[0].name)!;
  console.log(`\n${N} articles, ${ROUNDS} rounds, medians; 1-minute load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  console.log('| variant | index, ms/article | × before | query, ms | × before |');
  console.log('|---|---|---|---|---|');
  for (const [name, r] of results) {
    const index = median(r.index);
    const query = median(r.query);
    console.log(`| ${name} | ${(index / N).toFixed(3)} | ×${(index / median(base.index)).toFixed(2)} | ${query.toFixed(2)} | ×${(query / median(base.query)).toFixed(2)} |`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
