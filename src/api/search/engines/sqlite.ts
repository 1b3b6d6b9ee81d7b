import { fts5Columns } from '../../../lib/search-index-terms';
import { toFts5Match } from '../../../lib/search-query';
import type { EngineHit, EngineQuery, IndexRow, SearchEngine } from './types';

/**
 * SQLite: FTS5 holds the terms built in JS (search-index-terms.ts: FTS5's own
 * diacritic folding does nothing for Arabic, and it has no Arabic stemmer),
 * space-joined, so FTS5's `ascii` tokenizer only splits them (migration
 * 2026.12.02T06.00.00.article-search-fts-ascii.js); rowid = article_search.id; article_search keeps the original text for
 * snippets plus locale/section for filtering.
 * bm25 column weights (lower bm25 = better): surface forms title 10, excerpt 4,
 * body 1; stems half of that; proclitic-less stems 0.5. A word found as
 * written scores in both its surface and its stem column, so exact matches
 * rank above stem-only ones.
 */
// bm25() is only allowed in the plain FTS query, so matching and ranking happen
// in a materialised CTE and locale/section filtering, counting and paging outside it.
const matches = (q: EngineQuery) => {
  const where = ['s.locale = ?'];
  const params: unknown[] = [toFts5Match(q.query), q.locale];
  if (q.sectionId) {
    where.push('s.section_id = ?');
    params.push(q.sectionId);
  }
  return {
    sql: `WITH m AS MATERIALIZED (
        SELECT rowid AS id, bm25(article_search_fts, 10.0, 4.0, 1.0, 5.0, 2.0, 0.5, 0.5) AS rank
        FROM article_search_fts WHERE article_search_fts MATCH ?
      ) SELECT %COLUMNS% FROM m JOIN article_search s ON s.id = m.id WHERE ${where.join(' AND ')}`,
    params,
  };
};

/** The article_search columns of a row. */
export const indexColumns = (r: IndexRow) => ({
  document_id: r.documentId,
  locale: r.locale,
  section_id: r.sectionId,
  published_at: r.publishedAt,
  title: r.title,
  excerpt: r.excerpt,
  body: r.body,
});

// Rows per multi-row INSERT: 8 bound values each, far below SQLite's 32 766 variables per statement.
const INSERT_BATCH = 200;
const ROW_COLUMNS = ['document_id', 'locale', 'section_id', 'published_at', 'title', 'excerpt', 'body'] as const;
const ROW_PLACEHOLDERS = `(${ROW_COLUMNS.map(() => '?').join(', ')})`;
const FTS_COLUMNS = ['title', 'excerpt', 'body', 'title_k', 'excerpt_k', 'body_k', 'alt'] as const;
const FTS_PLACEHOLDERS = `(?, ${FTS_COLUMNS.map(() => '?').join(', ')})`;

export const sqliteEngine: SearchEngine = {
  async removeDocument(db, documentId) {
    await db.raw('DELETE FROM article_search_fts WHERE rowid IN (SELECT id FROM article_search WHERE document_id = ?)', [documentId]);
    await db.raw('DELETE FROM article_search WHERE document_id = ?', [documentId]);
  },

  async insert(db, rows) {
    // A few statements per batch instead of two per row: on a full reindex the per-statement
    // cost (knex's query path, one await each) was as large as FTS5's own work.
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const batch = rows.slice(i, i + INSERT_BATCH);
      const inserted: Array<{ id: number; document_id: string; locale: string }> = await db.raw(
        `INSERT INTO article_search (${ROW_COLUMNS.join(', ')}) VALUES ${batch.map(() => ROW_PLACEHOLDERS).join(', ')} RETURNING id, document_id, locale`,
        batch.flatMap((r) => {
          const row = indexColumns(r);
          return ROW_COLUMNS.map((c) => row[c]);
        }),
      );
      // RETURNING's order is not promised: rows are matched by (document, locale), unique in the table.
      const idOf = new Map(inserted.map((row) => [`${row.document_id}\u0000${row.locale}`, row.id]));
      await db.raw(
        `INSERT INTO article_search_fts (rowid, ${FTS_COLUMNS.join(', ')}) VALUES ${batch.map(() => FTS_PLACEHOLDERS).join(', ')}`,
        batch.flatMap((r) => {
          const c = fts5Columns(r);
          return [idOf.get(`${r.documentId}\u0000${r.locale}`), ...FTS_COLUMNS.map((k) => c[k])];
        }),
      );
    }
  },

  async clear(db) {
    await db.raw('DELETE FROM article_search_fts');
    await db.raw('DELETE FROM article_search');
  },

  async search(db, q) {
    const { sql, params } = matches(q);
    const page: Array<{ id: number; total: number }> = await db.raw(
      sql.replace('%COLUMNS%', 's.id, count(*) OVER () AS total') +
        ' ORDER BY m.rank, s.published_at DESC, s.document_id LIMIT ? OFFSET ?',
      [...params, q.limit, q.offset],
    );
    let total = page.length ? Number(page[0].total) : 0;
    if (!page.length && q.offset > 0) {
      const [{ n }] = await db.raw(sql.replace('%COLUMNS%', 'count(*) AS n'), params);
      total = Number(n);
    }
    if (!page.length) return { total, hits: [] };
    const texts: Array<EngineHit & { id: number }> = await db.raw(
      `SELECT id, document_id AS documentId, title, excerpt, body FROM article_search WHERE id IN (${page.map(() => '?').join(',')})`,
      page.map((p) => p.id),
    );
    const byId = new Map(texts.map((t) => [t.id, t]));
    return { total, hits: page.map((p) => byId.get(p.id)!).filter(Boolean) };
  },
};
