'use strict';

/**
 * PostgreSQL search, faster: `article_search` becomes a narrow matching table
 * and the ranking vector moves next to the text.
 *
 * Counting the matches of a topic word visits every matching row of
 * article_search. With `head` (the title + excerpt tsvector, ~500 bytes,
 * stored inline) in it, a row took ~600 bytes and 4 000 matches meant ~3 300
 * heap pages; without it a row is ~90 bytes (the full `tsv` is TOASTed out of
 * line), the table is a sixth of the size and the same count reads ~1 300
 * pages. Ranking reads `head` from article_search_text through its own GIN
 * index, which also gets the section and date, so the best title/excerpt
 * matches are found without visiting the other matches at all.
 * See docs/benchmarks.md (search) for the measurements.
 *
 * Existing rows are moved, not recomputed: no reindex is needed. CLUSTER
 * rewrites both tables compactly: article_search without the dropped column's
 * bytes, article_search_text without the old row versions the UPDATE left
 * (it is allowed inside the migration's transaction because it names its
 * table). About 15 s for 100 000 articles, under an exclusive lock.
 * SQLite (FTS5) is unchanged.
 */
const HEAD_FROM_TEXT = `setweight(to_tsvector('arabic'::regconfig, newsroom_normalize_arabic(title)), 'A')
  || setweight(to_tsvector('arabic'::regconfig, newsroom_normalize_arabic(excerpt)), 'B')`;

module.exports = {
  async up(knex, db) {
    if (db.dialect.client !== 'postgres') return;
    if (!(await knex.schema.hasColumn('article_search', 'head'))) return;

    await knex.raw(`ALTER TABLE article_search_text ADD COLUMN IF NOT EXISTS head tsvector,
      ADD COLUMN IF NOT EXISTS section_id varchar(255), ADD COLUMN IF NOT EXISTS published_at timestamptz`);
    await knex.raw(`UPDATE article_search_text t SET head = s.head, section_id = s.section_id, published_at = s.published_at
      FROM article_search s WHERE s.document_id = t.document_id AND s.locale = t.locale`);
    // Both tables are written together, so this only catches rows written by hand.
    await knex.raw(`UPDATE article_search_text SET head = ${HEAD_FROM_TEXT} WHERE head IS NULL`);
    await knex.raw('ALTER TABLE article_search_text ALTER COLUMN head SET NOT NULL');
    await knex.raw('CREATE INDEX IF NOT EXISTS article_search_text_head_idx ON article_search_text USING gin (head)');

    await knex.raw('ALTER TABLE article_search DROP COLUMN head');
    for (const table of ['article_search', 'article_search_text']) {
      await knex.raw(`CLUSTER ${table} USING ${table}_pkey`);
      await knex.raw(`ANALYZE ${table}`);
    }
  },

  async down(knex, db) {
    if (db.dialect.client !== 'postgres') return;
    if (await knex.schema.hasColumn('article_search', 'head')) return;
    await knex.raw('ALTER TABLE article_search ADD COLUMN head tsvector');
    await knex.raw(`UPDATE article_search s SET head = t.head
      FROM article_search_text t WHERE s.document_id = t.document_id AND s.locale = t.locale`);
    await knex.raw("UPDATE article_search SET head = ''::tsvector WHERE head IS NULL");
    await knex.raw('ALTER TABLE article_search ALTER COLUMN head SET NOT NULL');
    await knex.raw('DROP INDEX IF EXISTS article_search_text_head_idx');
    await knex.raw('ALTER TABLE article_search_text DROP COLUMN head, DROP COLUMN section_id, DROP COLUMN published_at');
  },
};
