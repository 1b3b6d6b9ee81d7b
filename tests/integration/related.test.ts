import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';

/** GET /api/articles/:documentId/related and GraphQL relatedArticles: related stories from the search index. */
let app: TestApp;
let f: Fixtures;
const ids: Record<string, string> = {};

const related = (documentId: string, query: Record<string, string | number> = {}) =>
  app.http().get(`/api/articles/${documentId}/related`).query(query);
const idsOf = (res: { body: any }) => res.body.data.map((a: any) => a.documentId);

beforeAll(async () => {
  app = await startStrapi();
  f = await Fixtures.create(app);
  const economy = (await f.section('اقتصاد')).documentId;
  const sport = (await f.section('رياضة')).documentId;
  const oil = (await f.tag('النفط')).documentId;
  const art = async (key: string, title: string, section: string, extra: Record<string, unknown> = {}, options = {}) => {
    ids[key] = (await f.article({ title, body: [paragraph('تفاصيل لاحقة')], section, ...extra }, options)).documentId;
  };
  // Oldest first.
  await art('source', 'أسعار النفط ترتفع في الأسواق الخليجية', economy, { tags: [oil] });
  await art('termOnly', 'النفط يرتفع مجددا', sport);
  await art('unrelated', 'مباراة كرة القدم', sport);
  await art('best', 'تقرير عن الأسواق', economy, { tags: [oil] });
  await art('older', 'النفط والغاز', sport);
  await art('newer', 'النفط والذهب', sport);
  await art('draft', 'النفط في مسودة لم تنشر', economy, { tags: [oil] }, { draft: true });
  await art('english', 'Oil prices', (await f.section('Economy', 'en')).documentId, {}, { locale: 'en' });
});
afterAll(async () => {
  await app?.stop();
});

describe('related stories', () => {
  it('most similar first (shared terms, tags, section), then newest among equals; never the article itself, a draft or another locale', async () => {
    const res = await related(ids.source);
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([ids.best, ids.newer, ids.older, ids.termOnly]);
    expect(res.body.data[0]).toMatchObject({ title: 'تقرير عن الأسواق', section: { slug: expect.any(String) } });
    expect(res.body.meta).toEqual({ locale: 'ar' });
  });

  it('takes a limit (default 5, at most 20)', async () => {
    expect(idsOf(await related(ids.source, { limit: 2 }))).toEqual([ids.best, ids.newer]);
    for (const limit of [0, 21, 'x', '2.5']) {
      const res = await related(ids.source, { limit });
      expect([limit, res.status]).toEqual([limit, 400]);
      expect(res.body.error.details.errors[0].path).toEqual(['limit']);
    }
  });

  it('404 naming documentId for an unknown, unpublished or other-locale article; 400 for an unknown locale', async () => {
    for (const [documentId, query] of [['nope', {}], [ids.draft, {}], [ids.english, {}]] as const) {
      const res = await related(documentId, query);
      expect(res.status).toBe(404);
      expect(res.body.error.details.errors[0].path).toEqual(['documentId']);
    }
    expect(idsOf(await related(ids.english, { locale: 'en' }))).toEqual([]);
    expect((await related(ids.source, { locale: 'xx' })).status).toBe(400);
  });

  it('is cached like a list and evicted when a story is published', async () => {
    const first = await related(ids.source, { limit: 20 });
    const again = await related(ids.source, { limit: 20 });
    expect(again.headers['x-cache']).toMatch(/HIT/);
    expect(again.headers['cache-tag'] ?? again.headers['surrogate-key']).toContain(`article:${ids.source}`);
    await app.strapi.documents('api::article.article').publish({ documentId: ids.draft, locale: 'ar' });
    const after = await related(ids.source, { limit: 20 });
    expect(idsOf(after)).toContain(ids.draft);
    expect(idsOf(after)).toHaveLength(idsOf(first).length + 1);
    await app.strapi.documents('api::article.article').unpublish({ documentId: ids.draft, locale: 'ar' });
    expect(idsOf(await related(ids.source, { limit: 20 }))).not.toContain(ids.draft);
  });

  it('GraphQL relatedArticles answers like REST', async () => {
    const res = await app.http().post('/graphql').send({
      query: 'query($id: ID!, $limit: Int) { relatedArticles(documentId: $id, limit: $limit) { documentId title section { slug } } }',
      variables: { id: ids.source, limit: 3 },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.relatedArticles.map((a: any) => a.documentId)).toEqual([ids.best, ids.newer, ids.older]);
    const bad = await app.http().post('/graphql').send({ query: `{ relatedArticles(documentId: "${ids.source}", limit: 50) { title } }` });
    expect(JSON.stringify(bad.body.errors)).toContain('limit');
  });
});
