import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { articleUrl } from '../../src/lib/article-url';

const UID = 'api::article.article';
const BASE = 'https://khaleeji247.example';
let app: TestApp;
let f: Fixtures;
const ids: Record<string, any> = {};

const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
const get = (url: string) => app.http().get(url);
const gql = (query: string, variables: Record<string, unknown> = {}) => app.http().post('/graphql').send({ query, variables });

beforeAll(async () => {
  app = await startStrapi();
  f = await Fixtures.create(app);
  const site = await app.http().put('/api/site').set(f.auth).send({ data: { name: 'خليجي 247', baseUrl: BASE } });
  expect(site.status).toBe(200);
  ids.section = await f.section('اقتصاد');
  ids.sectionEn = await f.section('Economy', 'en');
  ids.author = await f.author('سارة الكعبي');
  ids.tag = await f.tag('النفط');
  // 400 Arabic words at 180 wpm → 2.2 → 3 minutes; 476 English words at 238 wpm → 2 minutes.
  ids.ar = await f.article({
    title: 'عنوان </script><script>alert(1)</script> & "اقتباس"',
    excerpt: 'ملخص الخبر',
    body: [paragraph(words(250, 'كلمة')), paragraph(words(150, 'أخرى'))],
    section: ids.section.documentId,
    authors: [ids.author.documentId],
    tags: [ids.tag.documentId],
  });
  ids.en = await f.article(
    { title: 'English only story', body: [paragraph(words(476, 'word'))], section: ids.sectionEn.documentId },
    { locale: 'en' },
  );
  // A known first-publication instant: 1 March 2025 = 1 Ramadan 1446 (Umm al-Qura).
  for (const documentId of [ids.ar.documentId, ids.en.documentId]) {
    await app.strapi.db.query(UID).updateMany({ where: { documentId }, data: { firstPublishedAt: new Date('2025-03-01T12:00:00.000Z') } });
    // A write around the Document Service, as maintenance does: then the read model is rebuilt (npm run read-model:rebuild).
    await app.strapi.service('api::article.read-model').rebuild();
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('reading time', () => {
  it('is computed on save from the body at the locale reading speed', async () => {
    const ar = (await get(`/api/articles/${ids.ar.documentId}`)).body.data;
    expect(ar.readingTimeMinutes).toBe(3);
    expect(ar.readingTimeLabel).toBe('3 دقائق');
    const en = (await get(`/api/articles/${ids.en.documentId}?locale=en`)).body.data;
    expect(en.readingTimeMinutes).toBe(2);
    expect(en.readingTimeLabel).toBe('2 minutes');
  });

  it('follows body edits, uses Arabic plural forms and Arabic-Indic digits on request', async () => {
    const doc = await f.article({ title: 'قصير', body: [paragraph(words(300, 'كلمة'))], section: ids.section.documentId });
    expect((await get(`/api/articles/${doc.documentId}`)).body.data.readingTimeLabel).toBe('دقيقتان');
    await f.put('articles', doc.documentId, { body: [paragraph(words(100, 'كلمة'))] });
    const one = (await get(`/api/articles/${doc.documentId}`)).body.data;
    expect([one.readingTimeMinutes, one.readingTimeLabel]).toEqual([1, 'دقيقة']);
    await f.put('articles', doc.documentId, { body: [paragraph(words(180 * 11, 'كلمة'))] });
    expect((await get(`/api/articles/${doc.documentId}?digits=arab`)).body.data.readingTimeLabel).toBe('١١ دقيقة');
    await f.put('articles', doc.documentId, { title: 'قصير جدا' });
    expect((await get(`/api/articles/${doc.documentId}`)).body.data.readingTimeMinutes).toBe(11);
  });

  it('cannot be set by a client', async () => {
    const res = await app.http().post('/api/articles').set(f.auth).send({
      data: { title: 'محاولة', body: [paragraph('نص')], section: ids.section.documentId, readingTimeMinutes: 99 },
    });
    if (res.status === 201) expect(res.body.data.readingTimeMinutes).toBe(1);
    else expect(res.status).toBe(400);
    const stored = await app.strapi.db.query(UID).findMany({ where: { title: 'محاولة' }, select: ['readingTimeMinutes'] });
    expect(stored.every((r: any) => r.readingTimeMinutes !== 99)).toBe(true);
  });
});

describe('dates', () => {
  it('formats firstPublishedAt in Gregorian and Umm al-Qura Hijri for the article locale', async () => {
    const ar = (await get(`/api/articles/${ids.ar.documentId}`)).body.data;
    expect(ar.dates.firstPublishedAt).toEqual({ iso: '2025-03-01T12:00:00.000Z', gregorian: '1 مارس 2025', hijri: '1 رمضان 1446 هـ' });
    const arab = (await get(`/api/articles/${ids.ar.documentId}?digits=arab`)).body.data;
    expect(arab.dates.firstPublishedAt.hijri).toBe('١ رمضان ١٤٤٦ هـ');
    const en = (await get(`/api/articles/${ids.en.documentId}?locale=en`)).body.data;
    expect(en.dates.firstPublishedAt).toMatchObject({ gregorian: 'March 1, 2025', hijri: 'Ramadan 1, 1446 AH' });
  });

  it('is on list responses too, and a bad digits value is a 400', async () => {
    const list = (await get('/api/articles')).body.data;
    expect(list.find((a: any) => a.documentId === ids.ar.documentId).dates.firstPublishedAt.hijri).toBe('1 رمضان 1446 هـ');
    const bad = await get('/api/articles?digits=roman');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['digits']);
  });
});

describe('NewsArticle JSON-LD', () => {
  it('is valid JSON, complete, and cannot break out of its <script>', async () => {
    const data = (await get(`/api/articles/${ids.ar.documentId}`)).body.data;
    expect(data.jsonLd).not.toMatch(/<\/script/i);
    expect(data.jsonLd).not.toMatch(/[<>]/);
    const ld = JSON.parse(data.jsonLd);
    const url = articleUrl({ baseUrl: BASE, locale: 'ar', sectionSlug: ids.section.slug, slug: data.slug });
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: data.title,
      description: 'ملخص الخبر',
      datePublished: '2025-03-01T12:00:00.000Z',
      dateModified: data.updatedAt,
      author: [{ '@type': 'Person', name: 'سارة الكعبي', url: `${BASE}/ar/authors/${encodeURIComponent(ids.author.slug)}` }],
      publisher: { '@type': 'Organization', name: 'خليجي 247', url: BASE },
      inLanguage: 'ar',
      articleSection: 'اقتصاد',
      keywords: ['النفط'],
      isAccessibleForFree: true,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      url,
    });
    expect(ld.headline).toContain('</script>');
  });
});

describe('locale fallback', () => {
  it('without fallback nothing changes', async () => {
    const res = await get(`/api/articles/${ids.ar.documentId}?locale=en`);
    expect(res.status).toBe(404);
    const ok = await get(`/api/articles/${ids.ar.documentId}`);
    expect(ok.body.meta.servedLocale).toBeUndefined();
  });

  it('serves the fallback locale and says so', async () => {
    const res = await get(`/api/articles/${ids.ar.documentId}?locale=en&fallback=ar`);
    expect(res.status).toBe(200);
    expect(res.body.data.locale).toBe('ar');
    expect(res.body.meta).toMatchObject({ requestedLocale: 'en', servedLocale: 'ar' });
    expect(res.headers['content-language']).toBe('ar');
  });

  it('serves the requested locale when it exists', async () => {
    const res = await get(`/api/articles/${ids.en.documentId}?locale=en&fallback=ar`);
    expect(res.body.data.locale).toBe('en');
    expect(res.body.meta.servedLocale).toBe('en');
    expect(res.headers['content-language']).toBe('en');
  });

  it('works by slug, and an unknown or list fallback is a 400', async () => {
    const slug = encodeURIComponent(ids.ar.slug);
    expect((await get(`/api/articles/slug/${slug}?locale=en`)).status).toBe(404);
    const res = await get(`/api/articles/slug/${slug}?locale=en&fallback=ar`);
    expect(res.status).toBe(200);
    expect(res.body.data.documentId).toBe(ids.ar.documentId);
    expect(res.headers['content-language']).toBe('ar');
    expect(res.body.meta.servedLocale).toBe('ar');
    expect(JSON.parse(res.body.data.jsonLd).inLanguage).toBe('ar');
    expect((await get(`/api/articles/${ids.ar.documentId}?fallback=fr`)).status).toBe(400);
    expect((await get('/api/articles?fallback=ar')).status).toBe(400);
    expect((await get(`/api/articles/slug/${encodeURIComponent('لا-يوجد')}?locale=en&fallback=ar`)).status).toBe(404);
  });

  it('by slug, prefers the requested locale version of the same document', async () => {
    const doc = await f.article({ title: 'خبر مترجم', section: ids.section.documentId });
    await f.put('articles', doc.documentId, { title: 'Translated story', section: ids.sectionEn.documentId }, { locale: 'en' });
    const res = await get(`/api/articles/slug/${encodeURIComponent(doc.slug)}?locale=en&fallback=ar`);
    expect(res.body.data).toMatchObject({ documentId: doc.documentId, locale: 'en', title: 'Translated story' });
  });

  it('GraphQL articleBySlug takes a fallback and exposes the language fields', async () => {
    const query = `query($slug: String!, $locale: I18NLocaleCode, $fallback: I18NLocaleCode) {
      articleBySlug(slug: $slug, locale: $locale, fallback: $fallback) {
        documentId locale readingTimeMinutes readingTimeLabel(digits: arab) dates { firstPublishedAt { gregorian hijri } } jsonLd
      }
    }`;
    const none = await gql(query, { slug: ids.ar.slug, locale: 'en' });
    expect(none.body.data.articleBySlug).toBeNull();
    const res = await gql(query, { slug: ids.ar.slug, locale: 'en', fallback: 'ar' });
    expect(res.body.errors).toBeUndefined();
    const a = res.body.data.articleBySlug;
    expect(a).toMatchObject({ documentId: ids.ar.documentId, locale: 'ar', readingTimeMinutes: 3, readingTimeLabel: '٣ دقائق' });
    expect(a.dates.firstPublishedAt).toEqual({ gregorian: '1 مارس 2025', hijri: '1 رمضان 1446 هـ' });
    expect(JSON.parse(a.jsonLd)).toMatchObject({ '@type': 'NewsArticle', publisher: { name: 'خليجي 247' } });
    const bad = await gql(query, { slug: ids.ar.slug, locale: 'en', fallback: 'fr' });
    expect(bad.body.errors).toBeDefined();
  });
});
