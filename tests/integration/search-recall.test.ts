import { startStrapi, isPostgres, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { ARABIC_SEARCH_CORPUS } from '../fixtures/arabic-search-corpus';
import { analyzeWords, keysMatch, snowballArabic, STEMMER_VERSION, wordKeys } from '../../src/lib/arabic-stem';
import { searchService } from '../../src/api/services';
import { checkSearchIndex } from '../../src/bootstrap/search-index';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Arabic recall on the query/document corpus (tests/fixtures/arabic-search-corpus.ts),
 * on whichever database the suite runs (DATABASE_CLIENT): every query finds
 * exactly the documents the word keys of arabic-stem.ts say it should, so the
 * two databases find the same documents, and at least 95 % of the pairs.
 */
let app: TestApp;
let f: Fixtures;
const docs: Array<{ documentId: string; text: string }> = [];
const BODY = 'تفاصيل لاحقة';

const found = async (q: string): Promise<string[]> => {
  const res = await app.http().get('/api/search').query({ q, pageSize: 100 });
  expect([q, res.status]).toEqual([q, 200]);
  return res.body.data.map((a: any) => a.documentId).sort();
};

beforeAll(async () => {
  app = await startStrapi();
  f = await Fixtures.create(app);
  const section = (await f.section('منوعات')).documentId;
  // Four writes at a time (the machine is shared; one at a time takes minutes on PostgreSQL).
  for (let i = 0; i < ARABIC_SEARCH_CORPUS.length; i += 4) {
    const batch = ARABIC_SEARCH_CORPUS.slice(i, i + 4);
    const made = await Promise.all(batch.map((pair) => f.article({ title: pair.text, body: [paragraph(BODY)], section })));
    made.forEach((doc, j) => (docs[i + j] = { documentId: doc.documentId, text: `${batch[j].text} ${BODY}` }));
  }
}, 600_000);
afterAll(async () => {
  await app?.stop();
});

describe(`Arabic search recall (${isPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('finds ≥ 95 % of the corpus pairs, and for every query exactly the documents the word keys predict', async () => {
    let hits = 0;
    const byCategory = new Map<string, { n: number; hits: number }>();
    const unexpected: unknown[] = [];
    for (const [i, pair] of ARABIC_SEARCH_CORPUS.entries()) {
      const ids = await found(pair.query);
      const q = wordKeys(pair.query);
      const predicted = docs.filter((d) => analyzeWords(d.text).some((w) => keysMatch(q, w))).map((d) => d.documentId).sort();
      if (JSON.stringify(ids) !== JSON.stringify(predicted)) unexpected.push({ query: pair.query, ids, predicted });
      const hit = ids.includes(docs[i].documentId);
      hits += hit ? 1 : 0;
      const c = byCategory.get(pair.category) ?? { n: 0, hits: 0 };
      byCategory.set(pair.category, { n: c.n + 1, hits: c.hits + (hit ? 1 : 0) });
    }
    const recall = hits / ARABIC_SEARCH_CORPUS.length;
    console.log(
      `[${isPostgres ? 'postgres' : 'sqlite'}] recall ${recall.toFixed(3)} on ${ARABIC_SEARCH_CORPUS.length} pairs; ` +
        Array.from(byCategory, ([name, c]) => `${name} ${c.hits}/${c.n}`).join(', '),
    );
    expect(unexpected).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('ranks a word as written above a stem-only match (both in titles; the exact one older)', async () => {
    const section = (await f.section('استثمار')).documentId;
    const exact = (await f.article({ title: 'صندوق الاستثمار يتوسع', body: [paragraph(BODY)], section })).documentId;
    const stem = (await f.article({ title: 'استثمارات جديدة في الصندوق', body: [paragraph(BODY)], section })).documentId;
    const res = await app.http().get('/api/search').query({ q: 'الاستثمار' });
    expect(res.body.data.map((a: any) => a.documentId)).toEqual([exact, stem]);
    const other = await app.http().get('/api/search').query({ q: 'استثمارات' });
    expect(other.body.data.map((a: any) => a.documentId)).toEqual([stem, exact]);
    // Both are highlighted, each as written.
    expect(res.body.data[1].snippet).toContain('<mark>استثمارات</mark>');
  });

  it('a phrase matches as written or stem by stem, in order', async () => {
    const section = (await f.section('بنوك')).documentId;
    const doc = (await f.article({ title: 'قرار البنك المركزي الجديد', body: [paragraph(BODY)], section })).documentId;
    expect(await found('"البنك المركزي"')).toContain(doc);
    expect(await found('"بنك مركزي"')).toContain(doc);
    expect(await found('"المركزي البنك"')).not.toContain(doc);
  });

  if (isPostgres) {
    it("the JS stemmer gives the running PostgreSQL's arabic_stem answer for the reference vocabulary", async () => {
      const words = fs
        .readFileSync(path.join(__dirname, '../fixtures/arabic-stem-vocabulary.tsv'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]);
      const { rows } = await app.strapi.db.connection.raw(
        "SELECT w, coalesce((ts_lexize('arabic_stem', w))[1], '') AS s FROM unnest(?::text[]) AS w",
        [words],
      );
      expect(rows).toHaveLength(words.length);
      expect(rows.filter((r: any) => snowballArabic(r.w) !== r.s)).toEqual([]);
    });
  }
});

describe('an index built by another stemmer version', () => {
  const setVersion = (value: string) =>
    app.strapi.db.connection('article_search_meta').where({ key: 'stemmer' }).update({ value });

  it('is rebuilt at boot when small enough', async () => {
    expect(await searchService(app.strapi).indexVersion()).toBe(STEMMER_VERSION);
    await setVersion('snowball-arabic@old');
    await app.strapi.db.connection.raw(isPostgres ? 'TRUNCATE article_search, article_search_text' : 'DELETE FROM article_search_fts');
    await checkSearchIndex(app.strapi);
    expect(await searchService(app.strapi).indexVersion()).toBe(STEMMER_VERSION);
    expect(await found(ARABIC_SEARCH_CORPUS[0].query)).toContain(docs[0].documentId);
  });

  it('is left alone, with a warning naming npm run search:reindex, when larger than SEARCH_REINDEX_ON_BOOT_MAX', async () => {
    await setVersion('snowball-arabic@old');
    const before = app.strapi.config.get('newsroom.searchReindexOnBootMax');
    app.strapi.config.set('newsroom.searchReindexOnBootMax', 1);
    const warn = jest.spyOn(app.strapi.log, 'warn');
    try {
      await checkSearchIndex(app.strapi);
      expect(await searchService(app.strapi).indexVersion()).toBe('snowball-arabic@old');
      expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/npm run search:reindex/);
    } finally {
      warn.mockRestore();
      app.strapi.config.set('newsroom.searchReindexOnBootMax', before);
      await searchService(app.strapi).reindex();
    }
    expect(await searchService(app.strapi).indexVersion()).toBe(STEMMER_VERSION);
  });
});
