import { isPostgres, startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const INDEXES: Array<[string, string]> = require('../../database/migrations/2026.11.29T01.00.00.article-read-indexes.js').INDEXES.map(
  ([table, name]: string[]) => [table, name],
);

async function indexNames(table: string): Promise<string[]> {
  const knex = app.strapi.db.connection;
  if (isPostgres) {
    const { rows } = await knex.raw('SELECT indexname FROM pg_indexes WHERE tablename = ?', [table]);
    return rows.map((r: any) => r.indexname);
  }
  const rows = await knex.raw(`PRAGMA index_list(${table})`);
  return rows.map((r: any) => r.name);
}

it.each(INDEXES)('creates %s.%s on a fresh database', async (table, name) => {
  expect(await indexNames(table)).toContain(name);
});

it('uses the list index for the newest articles of a locale', async () => {
  const knex = app.strapi.db.connection;
  const sql = 'SELECT id FROM articles WHERE published_at IS NOT NULL AND locale = ? ORDER BY first_published_at DESC, published_at DESC LIMIT 20';
  if (isPostgres) {
    await knex.raw('SET enable_seqscan = off');
    const { rows } = await knex.raw(`EXPLAIN ${sql}`, ['ar']);
    await knex.raw('SET enable_seqscan = on');
    expect(rows.map((r: any) => r['QUERY PLAN']).join('\n')).toContain('articles_published_locale_first_idx');
  } else {
    const rows = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, ['ar']);
    expect(rows.map((r: any) => r.detail).join('\n')).toContain('articles_published_locale_first_idx');
  }
});
