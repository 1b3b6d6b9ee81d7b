/**
 * The read model (src/api/article/services/read-model.ts) answers anonymous
 * lists and articles with exactly what the Strapi path renders, and follows
 * every change that alters them: publishes, unpublishes, sections, authors,
 * tags, media files, related articles; draft saves leave it alone.
 * The response cache is off here: every request is rendered.
 */
import { countQueries, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';

let app: TestApp;
let f: Fixtures;
const s: Record<string, any> = {};
const ARTICLE = 'api::article.article';

const readModel = () => app.strapi.service('api::article.read-model') as any;
const get = (url: string) => app.http().get(url).set('Accept-Encoding', 'identity');
const enc = encodeURIComponent;

async function uploadFile(name: string, alternativeText: string) {
  return app.strapi.db.query('plugin::upload.file').create({
    data: { name, hash: name.replace(/\W/g, '_'), ext: '.jpg', mime: 'image/jpeg', size: 12.5, width: 1200, height: 675, url: `/uploads/${name}`, provider: 'local', alternativeText },
  });
}

/** The same URL answered by the read model, and by the Strapi path (every row marked stale first). */
async function bothPaths(url: string) {
  const fast = await countQueries(app.strapi, () => get(url));
  await readModel().markAllStale();
  const slow = await countQueries(app.strapi, () => get(url));
  await readModel().refreshStale();
  return { fast, slow };
}

/** Read from the read model alone: not one statement on the articles table (SQLite quotes `articles`, PostgreSQL "public"."articles"). */
const usesReadModel = (sql: string[]) => sql.some((q) => /article_read/.test(q)) && !sql.some((q) => /[`"]articles[`"]/.test(q));

beforeAll(async () => {
  app = await startStrapi({ CACHE_ENABLED: 'false', RATE_LIMIT_ENABLED: 'false' });
  f = await Fixtures.create(app);
  s.economy = await f.section('اقتصاد');
  s.sport = await f.section('رياضة');
  s.avatar = await uploadFile('reem.jpg', 'صورة ريم');
  s.cover = await uploadFile('oil.jpg', 'منصة نفط');
  s.reem = await f.author('ريم الهاشمي', 'ar', { avatar: s.avatar.id, jobTitle: 'محررة' });
  s.oil = await f.tag('النفط');
  s.related = await f.article({ title: 'خبر ذو صلة', body: [paragraph('نص')], section: s.sport.documentId });
  s.main = await f.article({
    title: 'أسعار النفط ترتفع ٣٪',
    excerpt: 'ملخص الخبر',
    body: [paragraph('نص الخبر '.repeat(300))],
    section: s.economy.documentId,
    authors: [s.reem.documentId],
    tags: [s.oil.documentId],
    cover: { image: s.cover.id, caption: 'تعليق', credit: 'وكالة' },
    relatedLinks: [{ label: 'اقرأ أيضا', article: s.related.documentId }],
    seo: { metaTitle: 'عنوان', metaDescription: 'وصف' },
    corrections: [{ date: '2026-11-30', note: 'تصحيح الرقم' }],
  });
  s.enSection = await f.section('Economy', 'en');
  s.en = await f.put('articles', s.main.documentId, { title: 'Oil prices rise 3%', body: [paragraph('Body')], section: s.enSection.documentId }, { locale: 'en' });
  s.draftOnly = await f.article({ title: 'مسودة لم تنشر' }, { draft: true });
});
afterAll(async () => {
  await app?.stop();
});

describe('read model', () => {
  it('answers anonymous lists and articles byte for byte as the Strapi path does, from its own table', async () => {
    const urls = [
      '/api/articles',
      '/api/articles?digits=arab',
      '/api/articles?pagination[page]=2&pagination[pageSize]=1',
      `/api/articles?section=${enc(s.economy.slug)}`,
      `/api/articles?author=${enc(s.reem.slug)}`,
      `/api/articles?tag=${enc(s.oil.slug)}`,
      '/api/articles?locale=en',
      `/api/articles/${s.main.documentId}`,
      `/api/articles/${s.main.documentId}?locale=en&digits=arab`,
      `/api/articles/${s.related.documentId}?locale=en&fallback=ar`,
      `/api/articles/slug/${enc(s.main.slug)}`,
      `/api/articles/slug/${enc(s.main.slug)}?digits=arab`,
      `/api/articles/slug/${enc(s.related.slug)}?locale=en&fallback=ar`,
      `/api/articles/slug/${enc(s.main.slug)}?locale=en&fallback=ar`,
    ];
    for (const url of urls) {
      const { fast, slow } = await bothPaths(url);
      expect([url, fast.result.status]).toEqual([url, 200]);
      expect([url, fast.result.body]).toEqual([url, slow.result.body]);
      expect([url, fast.result.headers['content-language']]).toEqual([url, slow.result.headers['content-language']]);
      expect([url, usesReadModel(fast.sql)]).toEqual([url, true]);
      expect([url, usesReadModel(slow.sql)]).toEqual([url, false]);
    }
    // What it stores is what readers may see: the draft is nowhere, the fallback names what it served.
    const list = (await get('/api/articles')).body;
    expect(list.data.map((a: any) => a.documentId)).not.toContain(s.draftOnly.documentId);
    expect(list.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
    const fallback = await get(`/api/articles/slug/${enc(s.related.slug)}?locale=en&fallback=ar`);
    expect(fallback.body.meta).toEqual({ requestedLocale: 'en', servedLocale: 'ar' });
    expect(fallback.headers['content-language']).toBe('ar');
  });

  it('leaves requests it does not cover to the Strapi path: filters, fields, populate, sort, tokens, bad input', async () => {
    for (const url of [
      `/api/articles?filters[title][$contains]=${enc('النفط')}`,
      '/api/articles?fields[0]=title',
      '/api/articles?sort=title:asc',
      '/api/articles?pagination[withCount]=false',
      `/api/articles/${s.main.documentId}?populate[section]=true`,
    ]) {
      const res = await countQueries(app.strapi, () => get(url));
      expect([url, res.result.status, usesReadModel(res.sql)]).toEqual([url, 200, false]);
    }
    const token = await countQueries(app.strapi, () => get('/api/articles').set(f.auth));
    expect(usesReadModel(token.sql)).toBe(false);
    const tooMany = await get('/api/articles?pagination[pageSize]=500');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.errors[0].path).toEqual(['pagination', 'pageSize']);
    expect((await get('/api/articles?digits=roman')).status).toBe(400);
    expect((await get('/api/articles/slug/no-such-slug')).status).toBe(404);
  });

  it('ignores draft saves, and shows a publish at once', async () => {
    const before = await app.strapi.db.connection('article_read').where({ document_id: s.main.documentId, locale: 'ar' }).first();
    await app.strapi.documents(ARTICLE).update({ documentId: s.main.documentId, locale: 'ar', data: { title: 'عنوان المسودة الجديد' } as any });
    const after = await app.strapi.db.connection('article_read').where({ document_id: s.main.documentId, locale: 'ar' }).first();
    expect(after).toEqual(before);
    expect((await get(`/api/articles/${s.main.documentId}`)).body.data.title).toBe('أسعار النفط ترتفع ٣٪');
    await app.strapi.documents(ARTICLE).publish({ documentId: s.main.documentId, locale: 'ar' });
    expect((await get(`/api/articles/slug/${enc(s.main.slug)}`)).body.data.title).toBe('عنوان المسودة الجديد');
    expect((await get('/api/articles')).body.data.find((a: any) => a.documentId === s.main.documentId).title).toBe('عنوان المسودة الجديد');
  });

  it('drops an unpublished version in the unpublishing transaction', async () => {
    const extra = await f.article({ title: 'خبر سيسحب', section: s.economy.documentId });
    expect((await get(`/api/articles/${extra.documentId}`)).status).toBe(200);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: extra.documentId, locale: 'ar' });
    expect(await app.strapi.db.connection('article_read').where({ document_id: extra.documentId })).toEqual([]);
    expect(await app.strapi.db.connection('article_read_refs').where({ document_id: extra.documentId })).toEqual([]);
    expect((await get(`/api/articles/${extra.documentId}`)).status).toBe(404);
    expect((await get(`/api/articles/slug/${enc(extra.slug)}`)).status).toBe(404);
    expect((await get(`/api/articles?section=${enc(s.economy.slug)}`)).body.data.map((a: any) => a.documentId)).not.toContain(extra.documentId);
  });

  it('never shows an old section, author, tag, file or related title: rows showing them go stale and are re-rendered', async () => {
    const card = async () => (await get(`/api/articles?tag=${enc(s.oil.slug)}`)).body.data.find((a: any) => a.documentId === s.main.documentId);
    const full = async () => (await get(`/api/articles/${s.main.documentId}`)).body.data;

    await f.put('sections', s.economy.documentId, { name: 'الاقتصاد والأعمال' });
    expect((await card()).section.name).toBe('الاقتصاد والأعمال'); // at once, stale or re-rendered
    await f.put('authors', s.reem.documentId, { name: 'ريم عبدالله' });
    await f.put('tags', s.oil.documentId, { name: 'نفط وغاز' });
    await app.strapi.db.query('plugin::upload.file').update({ where: { id: s.cover.id }, data: { alternativeText: 'منصة نفط بحرية' } });
    await f.put('articles', s.related.documentId, { title: 'عنوان الخبر ذي الصلة الجديد' });
    const [c, d] = [await card(), await full()];
    expect(c.authors[0].name).toBe('ريم عبدالله');
    expect(c.tags[0].name).toBe('نفط وغاز');
    expect(c.cover.image.alternativeText).toBe('منصة نفط بحرية');
    expect(d.relatedLinks[0].article.title).toBe('عنوان الخبر ذي الصلة الجديد');

    await readModel().refreshStale();
    expect(Number((await app.strapi.db.connection('article_read').max({ m: 'stale' }))[0].m)).toBe(0);
    const fast = await countQueries(app.strapi, () => get(`/api/articles/${s.main.documentId}`));
    expect(usesReadModel(fast.sql)).toBe(true);
    expect(fast.result.body.data).toEqual(d);
  });

  it("answers GraphQL article lists and articleBySlug from the same rows, identical to Strapi's resolvers", async () => {
    const CARD = `documentId title slug excerpt firstPublishedAt isBreaking locale publishedAt readingTimeLabel(digits: arab) jsonLd
      dates { firstPublishedAt { iso hijri } }
      cover { caption image { url alternativeText width height formats } }
      section { name slug } authors { name slug avatar { url } } tags { name slug }`;
    const queries = [
      `{ articles(sort: ["firstPublishedAt:desc"], pagination: { pageSize: 5 }) { ${CARD} } }`,
      `{ articles(locale: "en", sort: ["firstPublishedAt:desc", "publishedAt:desc"]) { ...Card } } fragment Card on Article { ${CARD} }`,
      `{ articles(sort: ["firstPublishedAt:desc"], filters: { section: { slug: { eq: "${s.economy.slug}" } } }) { ${CARD} } }`,
      `{ articleBySlug(slug: "${s.main.slug}") { ${CARD} body dateline seo { metaTitle } corrections { note } relatedLinks { label article { title slug } } authors { jobTitle } } }`,
      `{ articleBySlug(slug: "${s.related.slug}", locale: "en", fallback: "ar") { title locale } }`,
    ];
    const gql = (query: string) => app.http().post('/graphql').set('Accept-Encoding', 'identity').send({ query });
    for (const query of queries) {
      const fast = await countQueries(app.strapi, () => gql(query));
      await readModel().markAllStale();
      const slow = await countQueries(app.strapi, () => gql(query));
      await readModel().refreshStale();
      expect([query, fast.result.body.errors]).toEqual([query, undefined]);
      expect([query, fast.result.body]).toEqual([query, slow.result.body]);
      expect([query, usesReadModel(fast.sql)]).toEqual([query, true]);
      expect([query, fast.count < slow.count]).toEqual([query, true]);
    }
    // Fields the rows do not hold (here the body, a section's description) go to Strapi's resolvers.
    for (const query of [
      `{ articles(sort: ["firstPublishedAt:desc"]) { title body } }`,
      `{ articles(sort: ["firstPublishedAt:desc"]) { title section { description } } }`,
      `{ articles { title } }`,
      `{ articles(sort: ["firstPublishedAt:desc"], filters: { title: { contains: "النفط" } }) { title } }`,
    ]) {
      const res = await countQueries(app.strapi, () => gql(query));
      expect([query, res.result.body.errors, usesReadModel(res.sql)]).toEqual([query, undefined, false]);
    }
  });

  it('reconciles at boot what was written around the Document Service: missing rows rendered, orphans dropped', async () => {
    const knex = app.strapi.db.connection;
    await knex('article_read_refs').where({ document_id: s.related.documentId }).del();
    await knex('article_read').where({ document_id: s.related.documentId }).del();
    const orphan = { document_id: 'no-such-document', locale: 'ar', slug: 'x', card_latn: '{}', card_arab: '{}', full_latn: '{}', full_arab: '{}', card_keys: '', full_keys: '' };
    await knex('article_read').insert(orphan);
    expect(await readModel().missingCount()).toBe(1);
    expect(await readModel().reconcile()).toEqual({ added: 1, removed: 1 });
    expect(await knex('article_read').where({ document_id: 'no-such-document' })).toEqual([]);
    const res = await countQueries(app.strapi, () => get(`/api/articles/slug/${enc(s.related.slug)}`));
    expect(res.result.body.data.documentId).toBe(s.related.documentId);
    expect(usesReadModel(res.sql)).toBe(true);
  });
});
