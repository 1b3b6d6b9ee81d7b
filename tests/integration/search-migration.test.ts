import knexFactory, { type Knex } from 'knex';
import { createTestDatabase, isPostgres } from '../helpers/strapi';
import { parseSearchQuery } from '../../src/lib/search-query';
import { postgresEngine } from '../../src/api/search/engines/postgres';

/**
 * The narrow-match migration on a database indexed by the first layout
 * (`head` in article_search): rows are moved, not lost, and search works on
 * them without a reindex. Runs the migration files directly with knex, as
 * Strapi does (inside a transaction).
 */
const first = require('../../database/migrations/2026.01.01T00.00.00.article-search-index.js');
const narrow = require('../../database/migrations/2026.11.29T02.00.00.article-search-narrow-match.js');

const columns = async (knex: Knex, table: string): Promise<string[]> =>
  (await knex.raw('SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY column_name', [table])).rows.map(
    (r: any) => r.column_name,
  );

if (isPostgres) {
  describe('search index migration to a narrow matching table (PostgreSQL)', () => {
    const db = { dialect: { client: 'postgres' } };
    let knex: Knex;
    let drop: () => Promise<void>;

    /** A row written the way the first layout's engine wrote it. */
    async function insertOldLayout(documentId: string, title: string, body: string, publishedAt: string) {
      const vector = (w: string) => `setweight(to_tsvector('arabic'::regconfig, newsroom_normalize_arabic(?)), '${w}')`;
      await knex.raw(
        `INSERT INTO article_search (document_id, locale, section_id, published_at, head, tsv)
         SELECT ?, 'ar', 'sec1', ?::timestamptz, h, h || ${vector('C')} FROM (SELECT ${vector('A')} || ${vector('B')} AS h) v`,
        [documentId, publishedAt, body, title, ''],
      );
      await knex('article_search_text').insert({ document_id: documentId, locale: 'ar', title, excerpt: '', body });
    }

    beforeAll(async () => {
      const created = await createTestDatabase();
      drop = created.drop;
      knex = knexFactory({
        client: 'pg',
        connection: {
          host: process.env.DATABASE_HOST ?? '127.0.0.1',
          port: Number(process.env.DATABASE_PORT ?? 5432),
          user: process.env.DATABASE_USERNAME ?? 'postgres',
          password: process.env.DATABASE_PASSWORD ?? '',
          database: created.env.DATABASE_NAME,
        },
      });
      await first.up(knex, db);
      await insertOldLayout('gold-title', 'الذهب يسجل قمة جديدة', 'ارتفع المعدن', '2025-01-01T00:00:00Z');
      await insertOldLayout('gold-body', 'تقرير الأسواق', 'صعد الذهب والفضة', '2025-02-01T00:00:00Z');
    });
    afterAll(async () => {
      await knex?.destroy();
      await drop?.();
    });

    it('moves head, section and date next to the text and drops head from the matching table', async () => {
      const before = await knex('article_search').select('document_id', 'section_id', 'published_at').orderBy('document_id');
      await knex.transaction((trx) => narrow.up(trx, db));

      expect(await columns(knex, 'article_search')).not.toContain('head');
      expect(await columns(knex, 'article_search_text')).toEqual(
        expect.arrayContaining(['head', 'section_id', 'published_at', 'title', 'excerpt', 'body']),
      );
      const moved = await knex('article_search_text').select('document_id', 'section_id', 'published_at', knex.raw('head::text AS head')).orderBy('document_id');
      expect(moved.map(({ document_id, section_id, published_at }) => ({ document_id, section_id, published_at }))).toEqual(before);
      expect(moved.find((r) => r.document_id === 'gold-title').head).toContain("'ذهب':1A");
      const { rows } = await knex.raw("SELECT indexname FROM pg_indexes WHERE tablename = 'article_search_text'");
      expect(rows.map((r: any) => r.indexname)).toContain('article_search_text_head_idx');
    });

    it('searches the moved rows without a reindex, and new rows too', async () => {
      const search = (q: string) => postgresEngine.search(knex, { query: parseSearchQuery(q), locale: 'ar', limit: 10, offset: 0 });
      const gold = await search('الذهب');
      expect(gold.total).toBe(2);
      expect(gold.hits.map((h) => h.documentId)).toEqual(['gold-title', 'gold-body']);

      await postgresEngine.insert(knex, [
        { documentId: 'new', locale: 'ar', sectionId: 'sec1', publishedAt: '2025-03-01T00:00:00Z', title: 'منجم ذهب', excerpt: '', body: 'نص' },
      ]);
      expect((await search('الذهب')).hits.map((h) => h.documentId)).toEqual(['new', 'gold-title', 'gold-body']);
    });

    it('is idempotent and can be rolled back', async () => {
      await knex.transaction((trx) => narrow.up(trx, db));
      await knex.transaction((trx) => narrow.down(trx, db));
      expect(await columns(knex, 'article_search')).toContain('head');
      expect(await columns(knex, 'article_search_text')).not.toContain('head');
      const { rows } = await knex.raw("SELECT head::text AS head FROM article_search WHERE document_id = 'new'");
      expect(rows[0].head).toContain("'منجم':1A");
    });
  });
} else {
  it('changes nothing on SQLite', async () => {
    const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    try {
      await narrow.up(knex, { dialect: { client: 'sqlite' } });
      const tables = await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table'");
      expect(tables).toEqual([]);
    } finally {
      await knex.destroy();
    }
  });
}
