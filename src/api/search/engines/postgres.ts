import type { Knex } from 'knex';
import { escapeLiteral } from 'pg';
import { tsvectors } from '../../../lib/search-index-terms';
import { hasExclusions, toTsquery, withoutExclusions } from '../../../lib/search-query';
import type { EngineHit, EngineQuery, IndexRow, SearchEngine } from './types';

/**
 * PostgreSQL (tables from database/migrations): the tsvectors and tsqueries
 * are built in JS (search-index-terms.ts, toTsquery) from the same word keys
 * as SQLite's, so both databases find the same articles. The stems are
 * Snowball `arabic`'s, the algorithm of PostgreSQL's own `arabic`
 * configuration (which the index used before; see arabic-stem.ts).
 *
 * - `article_search` is the narrow matching table: `tsv` (title A, excerpt B,
 *   body C) behind a GIN index, plus locale, section and date. Its rows are
 *   small (the vector is TOASTed out of line), so counting thousands of
 *   matches reads few pages.
 * - `article_search_text` holds the original text for snippets, and `head`
 *   (title A + excerpt B) behind its own GIN index, with section and date.
 *
 * Ranking: documents whose title/excerpt match the query come first, by
 * ts_rank on `head`; the other matches follow, newest first, which suits
 * news. A page is read from the title/excerpt matches alone while they last
 * (the other matches are only counted, never ranked or sorted). Ranking on
 * the full vector would de-TOAST every match (seconds for a common word on
 * 100 000 articles).
 */
const RANK_WEIGHTS = '{0,0,0.4,1.0}';
const TSQUERY = '?::tsquery';
const NEWEST = (alias: string) => `${alias}.published_at DESC NULLS LAST, ${alias}.document_id`;

type Sql = { sql: string; params: unknown[] };

/** The query as tsquery text; `rank` without its exclusions (ts_rank would weigh the excluded words too). */
const websearch = (q: EngineQuery) => toTsquery(q.query);
const rankedBy = (q: EngineQuery) => toTsquery(withoutExclusions(q.query));

/** Rows of `alias` (either table: both have locale and section_id) in the query's locale and section. */
const scope = (alias: string, q: EngineQuery): Sql =>
  q.sectionId
    ? { sql: `${alias}.locale = ? AND ${alias}.section_id = ?`, params: [q.locale, q.sectionId] }
    : { sql: `${alias}.locale = ?`, params: [q.locale] };

/** Every match of the query: the full vector, through its GIN index. */
function matches(q: EngineQuery): Sql {
  const where = scope('s', q);
  return { sql: `s.tsv @@ ${TSQUERY} AND ${where.sql}`, params: [websearch(q), ...where.params] };
}

/**
 * The matches whose title or excerpt match the query. Without exclusions that
 * implies matching the whole document; with one (`-word`), the body must be
 * checked too.
 */
function headMatches(q: EngineQuery): Sql {
  const where = scope('x', q);
  const excludes = hasExclusions(q.query);
  const body = excludes
    ? ` AND EXISTS (SELECT 1 FROM article_search s WHERE s.document_id = x.document_id AND s.locale = x.locale AND s.tsv @@ ${TSQUERY})`
    : '';
  return {
    sql: `x.head @@ ${TSQUERY} AND ${where.sql}${body}`,
    params: [websearch(q), ...where.params, ...(excludes ? [websearch(q)] : [])],
  };
}

/** A value as an SQL literal. Only what the search passes: numbers, null and strings without `?` or `\\`. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  // knex reads `?` as a placeholder even in raw SQL without bindings; the search never sends one
  // (query words are letters and digits, locales and section ids are validated).
  if (typeof value === 'string' && !/[?\\]/.test(value)) return escapeLiteral(value);
  throw new Error(`search: unexpected SQL value ${JSON.stringify(value)}`);
}

/**
 * Runs one statement with index scans forced, in one round trip. The planner
 * sees a common word as "most rows" and picks a sequential scan, which
 * de-TOASTs every vector; SET LOCAL prevents it. A multi-statement simple
 * query is one implicit transaction, so the setting covers the statement
 * after it and ends with it. The simple protocol takes no bind parameters:
 * values are inlined as escaped literals (the planner folds them either way).
 */
async function withIndexScan(db: Knex, sql: string, params: unknown[]): Promise<any[]> {
  const parts = sql.split('?');
  if (parts.length !== params.length + 1) throw new Error('search: placeholder count mismatch');
  const text = parts.reduce((out, part, i) => out + literal(params[i - 1]) + part);
  const results = await db.raw(`SET LOCAL enable_seqscan = off; ${text}`);
  return results[1].rows;
}

/**
 * One page of hits and the total: title/excerpt matches by rank, then, once
 * those run out, the other matches newest first. Page and count are one
 * statement (the count row comes back even when the page is empty).
 */
async function rankedPage(db: Knex, q: EngineQuery): Promise<{ total: number; hits: EngineHit[] }> {
  const m = matches(q);
  const head = headMatches(q);
  const rows = await withIndexScan(
    db,
    `WITH total AS (SELECT count(*) AS n FROM article_search s WHERE ${m.sql}),
     page AS (
       SELECT x.document_id, x.title, x.excerpt, x.body, x.published_at, ts_rank(?::float4[], x.head, ${TSQUERY}) AS rank
       FROM article_search_text x WHERE ${head.sql}
       ORDER BY rank DESC, ${NEWEST('x')} LIMIT ? OFFSET ?
     )
     SELECT total.n AS total, p.document_id AS "documentId", p.title, p.excerpt, p.body
     FROM total LEFT JOIN page p ON true
     ORDER BY p.rank DESC, ${NEWEST('p')}`,
    [...m.params, RANK_WEIGHTS, rankedBy(q), ...head.params, q.limit, q.offset],
  );
  const total = Number(rows[0].total);
  const hits: EngineHit[] = rows.filter((r: any) => r.documentId !== null).map(({ total: _, ...hit }: any) => hit);
  if (hits.length === q.limit || q.offset + hits.length >= total) return { total, hits };

  // The page reaches past the title/excerpt matches: continue with the others.
  let headTotal = q.offset + hits.length;
  if (!hits.length && q.offset > 0) {
    const counted = await withIndexScan(db, `SELECT count(*) AS n FROM article_search_text x WHERE ${head.sql}`, head.params);
    headTotal = Number(counted[0].n);
  }
  const rest = await withIndexScan(
    db,
    `SELECT b.document_id AS "documentId", t.title, t.excerpt, t.body
     FROM (
       SELECT s.document_id, s.published_at FROM article_search s
       WHERE ${m.sql} AND NOT EXISTS (
         SELECT 1 FROM article_search_text x WHERE x.document_id = s.document_id AND x.locale = s.locale AND x.head @@ ${TSQUERY}
       )
       ORDER BY ${NEWEST('s')} LIMIT ? OFFSET ?
     ) b JOIN article_search_text t ON t.document_id = b.document_id AND t.locale = ?
     ORDER BY ${NEWEST('b')}`,
    [...m.params, websearch(q), q.limit - hits.length, Math.max(0, q.offset - headTotal), q.locale],
  );
  return { total, hits: [...hits, ...rest] };
}

export const postgresEngine: SearchEngine = {
  async removeDocument(db, documentId) {
    await db.raw('DELETE FROM article_search WHERE document_id = ?', [documentId]);
    await db.raw('DELETE FROM article_search_text WHERE document_id = ?', [documentId]);
  },

  async insert(db, rows: IndexRow[]) {
    if (!rows.length) return;
    // One statement for both tables.
    const values = rows.map(() => '(?, ?, ?, ?::timestamptz, ?, ?, ?, ?::tsvector, ?::tsvector)').join(', ');
    await db.raw(
      `WITH v AS (
         SELECT * FROM (VALUES ${values}) AS v(d, l, s, p, t, e, b, h, f)
       ), text_rows AS (
         INSERT INTO article_search_text (document_id, locale, section_id, published_at, title, excerpt, body, head)
         SELECT d, l, s, p, t, e, b, h FROM v
       )
       INSERT INTO article_search (document_id, locale, section_id, published_at, tsv)
       SELECT d, l, s, p, f FROM v`,
      rows.flatMap((r) => {
        const vectors = tsvectors(r);
        return [r.documentId, r.locale, r.sectionId, r.publishedAt, r.title, r.excerpt, r.body, vectors.head, vectors.full];
      }),
    );
  },

  async clear(db) {
    await db.raw('TRUNCATE article_search, article_search_text');
  },

  async search(db, q) {
    return rankedPage(db, q);
  },
};
