import type { Knex } from 'knex';
import { toWebsearch } from '../../lib/search-query';
import { indexColumns, type EngineHit, type EngineQuery, type IndexRow, type SearchEngine } from './types';

/**
 * PostgreSQL (tables from database/migrations): tsvectors are computed on
 * insert through newsroom_normalize_arabic + the `arabic` configuration, and
 * queries go through the same function.
 *
 * Matching uses `tsv` (title A, excerpt B, body C) through the GIN index.
 * Ranking uses `head` (title A, excerpt B) only: it is small enough to stay
 * in the row, whereas ranking on the full vector would de-TOAST every
 * match (seconds for a common word on 100 000 articles). So title and
 * excerpt matches rank by ts_rank, and among body-only matches the newest
 * comes first, which suits news.
 */
const RANK_WEIGHTS = '{0,0,0.4,1.0}';
const QUERY = `websearch_to_tsquery('arabic', newsroom_normalize_arabic(?)) AS q(query)`;
const VECTOR = (weight: string) => `setweight(to_tsvector('arabic'::regconfig, newsroom_normalize_arabic(?)), '${weight}')`;

const filters = (q: EngineQuery) => {
  const where = ['s.tsv @@ q.query', 's.locale = ?'];
  const params: unknown[] = [q.locale];
  if (q.sectionId) {
    where.push('s.section_id = ?');
    params.push(q.sectionId);
  }
  return { where: where.join(' AND '), params };
};

/** The planner sees a common word as "most rows" and picks a sequential scan, which de-TOASTs every vector. */
async function withIndexScan<T>(db: Knex, fn: (trx: Knex) => Promise<T>): Promise<T> {
  return db.transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    return fn(trx);
  });
}

export const postgresEngine: SearchEngine = {
  render: toWebsearch,

  async removeDocument(db, documentId) {
    await db.raw('DELETE FROM article_search WHERE document_id = ?', [documentId]);
    await db.raw('DELETE FROM article_search_text WHERE document_id = ?', [documentId]);
  },

  async insert(db, rows: IndexRow[]) {
    if (!rows.length) return;
    const values = rows.map(() => `(?, ?, ?, ?::timestamptz, ${VECTOR('A')} || ${VECTOR('B')}, ?)`).join(', ');
    await db.raw(
      `INSERT INTO article_search (document_id, locale, section_id, published_at, head, tsv)
       SELECT v.d, v.l, v.s, v.p, v.h, v.h || setweight(to_tsvector('arabic'::regconfig, newsroom_normalize_arabic(v.b)), 'C')
       FROM (VALUES ${values}) AS v(d, l, s, p, h, b)`,
      rows.flatMap((r) => [r.documentId, r.locale, r.sectionId, r.publishedAt, r.title, r.excerpt, r.body]),
    );
    await db('article_search_text').insert(
      rows.map((r) => {
        const { document_id, locale, title, excerpt, body } = indexColumns(r);
        return { document_id, locale, title, excerpt, body };
      }),
    );
  },

  async clear(db) {
    await db.raw('TRUNCATE article_search, article_search_text');
  },

  async search(db, q) {
    const { where, params } = filters(q);
    return withIndexScan(db, async (trx) => {
      const { rows } = await trx.raw(
        `SELECT h.document_id AS "documentId", h.total, t.title, t.excerpt, t.body
         FROM (
           SELECT s.document_id, s.locale, ts_rank(?::float4[], s.head, q.query) AS rank, s.published_at,
                  count(*) OVER () AS total
           FROM article_search s, ${QUERY}
           WHERE ${where}
           ORDER BY rank DESC, s.published_at DESC NULLS LAST, s.document_id
           LIMIT ? OFFSET ?
         ) h JOIN article_search_text t ON t.document_id = h.document_id AND t.locale = h.locale
         ORDER BY h.rank DESC, h.published_at DESC NULLS LAST, h.document_id`,
        [RANK_WEIGHTS, q.expression, ...params, q.limit, q.offset],
      );
      let total = rows.length ? Number(rows[0].total) : 0;
      if (!rows.length && q.offset > 0) {
        const counted = await trx.raw(`SELECT count(*) AS n FROM article_search s, ${QUERY} WHERE ${where}`, [q.expression, ...params]);
        total = Number(counted.rows[0].n);
      }
      return { total, hits: rows as EngineHit[] };
    });
  },
};
