import { countQueries, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { cardFields } from '../../src/api/article/populate';
import { backfillFirstPublishedAt } from '../../src/bootstrap/first-published-at';

let app: TestApp;
let f: Fixtures;
const s: Record<string, any> = {};

beforeAll(async () => {
  app = await startStrapi();
  f = await Fixtures.create(app);
  s.politics = await f.section('سياسة');
  s.economy = await f.section('اقتصاد');
  s.politicsEn = await f.put('sections', s.politics.documentId, { name: 'Politics' }, { locale: 'en' });
  s.reem = await f.author('ريم الهاشمي', 'ar', { email: 'reem@khaleeji247.example' });
  s.khalid = await f.author('خالد العتيبي', 'ar', { email: 'khalid@khaleeji247.example' });
  s.oil = await f.tag('النفط');
  s.nato = await f.tag('الناتو');
  s.a1 = await f.article({
    title: 'وزراء خارجية «الناتو» يجتمعون في بروكسل',
    excerpt: 'اجتماعات تستمر يومين',
    body: [paragraph('تتسارع وتيرة المناقشات داخل الاتحاد الأوروبي')],
    dateline: 'بروكسل',
    source: 'وكالات',
    section: s.politics.documentId,
    authors: [s.khalid.documentId, s.reem.documentId],
    tags: [s.nato.documentId],
  });
  s.a2 = await f.article({
    title: 'أسعار النفط ترتفع مع تمديد «أوبك+» خفض الإنتاج',
    excerpt: 'خام برنت',
    body: [paragraph('ارتفعت أسعار النفط')],
    section: s.economy.documentId,
    authors: [s.reem.documentId],
    tags: [s.oil.documentId],
    relatedLinks: [
      { label: 'وزراء الناتو في بروكسل', article: s.a1.documentId },
      { label: 'منظمة أوبك', url: 'https://www.opec.org/' },
    ],
    isBreaking: true,
  });
  s.a1en = await f.put('articles', s.a1.documentId, { title: 'NATO foreign ministers meet in Brussels', section: s.politics.documentId }, { locale: 'en' });
});
afterAll(async () => {
  await app?.stop();
});

describe('article list (card preset)', () => {
  it('returns cards without the client passing populate, newest first', async () => {
    const res = await app.http().get('/api/articles');
    expect(res.status).toBe(200);
    const [first, second] = res.body.data;
    expect(first.documentId).toBe(s.a2.documentId); // published after a1
    expect(second.documentId).toBe(s.a1.documentId);
    expect(first.body).toBeUndefined();
    expect(first.relatedLinks).toBeUndefined();
    expect(first.seo?.metaTitle).toBeUndefined(); // only what its JSON-LD reads: metaDescription, canonicalUrl, ogImage
    for (const field of cardFields) expect(first).toHaveProperty(field);
    expect(first.section).toMatchObject({ name: 'اقتصاد', slug: 'اقتصاد' });
    expect(first.authors.map((a: any) => a.slug)).toEqual(['ريم-الهاشمي']);
    expect(first.tags.map((t: any) => t.name)).toEqual(['النفط']);
    expect(first).toHaveProperty('cover');
    expect(first.isBreaking).toBe(true);
    // Co-authors keep the order the desk gave them.
    expect(second.authors.map((a: any) => a.name)).toEqual(['خالد العتيبي', 'ريم الهاشمي']);
  });

  it('honours an explicit fields/populate/sort from the client', async () => {
    const res = await app.http().get('/api/articles?fields[0]=title&sort=firstPublishedAt:asc');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data[0]).sort()).toEqual(['documentId', 'id', 'title']);
    expect(res.body.data[0].documentId).toBe(s.a1.documentId);
    const populated = await app.http().get('/api/articles?populate[relatedLinks]=true&fields[0]=title');
    const withLinks = populated.body.data.find((a: any) => a.documentId === s.a2.documentId);
    expect(withLinks.relatedLinks).toHaveLength(2);
  });

  it.each([
    ['section', () => s.economy.slug, () => [s.a2.documentId]],
    ['section', () => s.politics.slug, () => [s.a1.documentId]],
    ['author', () => s.reem.slug, () => [s.a2.documentId, s.a1.documentId]],
    ['author', () => s.khalid.slug, () => [s.a1.documentId]],
    ['tag', () => s.oil.slug, () => [s.a2.documentId]],
    ['tag', () => 'لا-يوجد', () => []],
  ])('filters by %s slug', async (param, slug, expected) => {
    const res = await app.http().get('/api/articles').query({ [param]: slug() });
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: any) => a.documentId)).toEqual(expected());
  });

  it('combines shortcut filters with standard filters and pagination', async () => {
    const res = await app.http().get('/api/articles').query({ author: s.reem.slug, 'filters[isBreaking][$eq]': 'true', 'pagination[pageSize]': '1' });
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: any) => a.documentId)).toEqual([s.a2.documentId]);
    expect(res.body.meta.pagination).toMatchObject({ pageSize: 1, total: 1 });
  });

  it('serves each locale its own versions', async () => {
    const res = await app.http().get('/api/articles?locale=en');
    expect(res.body.data.map((a: any) => a.title)).toEqual(['NATO foreign ministers meet in Brussels']);
    expect(res.body.data[0].section).toMatchObject({ name: 'Politics', slug: 'politics' });
  });
});

describe('article detail and by-slug (full preset)', () => {
  it('returns the full article by documentId', async () => {
    const res = await app.http().get(`/api/articles/${s.a2.documentId}`);
    expect(res.status).toBe(200);
    const a = res.body.data;
    expect(a.body).toEqual([paragraph('ارتفعت أسعار النفط')]);
    expect(a).toHaveProperty('seo');
    expect(a).toHaveProperty('dateline');
    expect(a).toHaveProperty('source');
    expect(a.relatedLinks).toHaveLength(2);
    expect(a.relatedLinks[0]).toMatchObject({ label: 'وزراء الناتو في بروكسل', url: null });
    expect(a.relatedLinks[0].article).toMatchObject({ documentId: s.a1.documentId, title: s.a1.title, slug: s.a1.slug });
    expect(a.relatedLinks[1]).toMatchObject({ url: 'https://www.opec.org/', article: null });
  });

  it('finds an article by its Arabic slug, raw or percent-encoded', async () => {
    const encoded = await app.http().get(`/api/articles/slug/${encodeURIComponent(s.a1.slug)}`);
    expect(encoded.status).toBe(200);
    expect(encoded.body.data).toMatchObject({ documentId: s.a1.documentId, title: s.a1.title, dateline: 'بروكسل', source: 'وكالات' });
    expect(encoded.body.data.body).toBeDefined();
    const raw = await app.http().get(`/api/articles/slug/${s.a1.slug}?locale=ar`);
    expect(raw.status).toBe(200);
    expect(raw.body.data.documentId).toBe(s.a1.documentId);
    const en = await app.http().get(`/api/articles/slug/${s.a1en.slug}?locale=en`);
    expect(en.body.data).toMatchObject({ title: 'NATO foreign ministers meet in Brussels', locale: 'en' });
  });

  it('answers 404 JSON for an unknown slug, and for a slug of another locale', async () => {
    for (const url of ['/api/articles/slug/%D9%84%D8%A7-%D9%8A%D9%88%D8%AC%D8%AF', `/api/articles/slug/${s.a1en.slug}?locale=ar`]) {
      const res = await app.http().get(url);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    }
  });

  it('does not serve a draft by slug to the public', async () => {
    const draft = await f.article({ title: 'خبر تحت الحظر', section: s.politics.documentId }, { draft: true });
    const res = await app.http().get(`/api/articles/slug/${encodeURIComponent(draft.slug)}`);
    expect(res.status).toBe(404);
    const withStatus = await app.http().get(`/api/articles/slug/${encodeURIComponent(draft.slug)}?status=draft`);
    expect(withStatus.status).toBe(403);
    const token = await app.http().get(`/api/articles/slug/${encodeURIComponent(draft.slug)}?status=draft`).set(f.auth);
    expect(token.status).toBe(200);
  });
});

describe('firstPublishedAt', () => {
  it('is set on first publish and never moves on update or republish', async () => {
    const created = await f.article({ title: 'خبر للتجربة', section: s.politics.documentId }, { draft: true });
    expect(created.firstPublishedAt ?? null).toBeNull();
    const published = await f.put('articles', created.documentId, { excerpt: 'أول نشر' });
    const first = published.firstPublishedAt;
    expect(first).toEqual(expect.any(String));
    await new Promise((r) => setTimeout(r, 20));
    const edited = await f.put('articles', created.documentId, { title: 'خبر للتجربة بعد التعديل' });
    expect(edited.firstPublishedAt).toBe(first);
    expect(new Date(edited.publishedAt).getTime()).toBeGreaterThan(new Date(first).getTime());
    await app.strapi.documents('api::article.article').unpublish({ documentId: created.documentId, locale: 'ar' });
    await app.strapi.documents('api::article.article').publish({ documentId: created.documentId, locale: 'ar' });
    const again = await app.http().get(`/api/articles/${created.documentId}`);
    expect(again.body.data.firstPublishedAt).toBe(first);
    // The English version gets its own date when it is first published.
    const en = await f.put('articles', created.documentId, { title: 'A test story', section: s.politics.documentId }, { locale: 'en' });
    expect(en.firstPublishedAt).not.toBe(first);
  });

  it('is on after boot, and a bulk-imported published version without it is backfilled with one UPDATE', async () => {
    expect(app.strapi.config.get('features.future.experimental_firstPublishedAt')).toBe(true);
    const a = await f.article({ title: 'خبر مستورد', section: s.politics.documentId });
    await app.strapi.db.connection('articles').where({ document_id: a.documentId }).update({ first_published_at: null });
    const updated = await backfillFirstPublishedAt(app.strapi);
    expect(updated).toBe(2); // draft and published rows
    const rows = await app.strapi.db.connection('articles').where({ document_id: a.documentId }).select('first_published_at', 'published_at');
    const published = rows.find((r: any) => r.published_at !== null);
    for (const row of rows) expect(new Date(row.first_published_at).getTime()).toBe(new Date(published.published_at).getTime());
    expect(await backfillFirstPublishedAt(app.strapi)).toBe(0);
  });

  it('ignores a firstPublishedAt sent by a client', async () => {
    const a = await f.article({ title: 'محاولة تزوير التاريخ', section: s.politics.documentId, firstPublishedAt: '2001-01-01T00:00:00.000Z' });
    expect(a.firstPublishedAt).not.toBe('2001-01-01T00:00:00.000Z');
  });
});

describe('query count', () => {
  it('is the same for a page of 5 and a page of 50 articles', async () => {
    const ids = [s.politics, s.economy].map((x) => x.documentId);
    for (let i = 0; i < 50; i++) {
      await app.strapi.documents('api::article.article').create({
        locale: 'ar',
        status: 'published',
        data: { title: `خبر رقم ${i}`, section: ids[i % 2], authors: [s.reem.documentId, s.khalid.documentId], tags: [s.oil.documentId, s.nato.documentId] },
      } as any);
    }
    // Let the publish events of the writes above settle (webhooks populate asynchronously).
    await new Promise((r) => setTimeout(r, 300));
    await app.http().get('/api/articles?pagination[pageSize]=1');
    const small = await countQueries(app.strapi, () => app.http().get('/api/articles?pagination[pageSize]=5'));
    const large = await countQueries(app.strapi, () => app.http().get('/api/articles?pagination[pageSize]=50'));
    expect(small.result.body.data).toHaveLength(5);
    expect(large.result.body.data).toHaveLength(50);
    expect(large.result.body.data.every((a: any) => a.authors.length === 2 && a.section)).toBe(true);
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThan(15);
    // The default locale is kept in memory, not read from the core store per request.
    expect(large.sql.filter((q) => /strapi_core_store_settings/.test(q))).toEqual([]);
  });
});
