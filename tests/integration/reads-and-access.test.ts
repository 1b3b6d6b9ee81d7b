import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { ensureSiteLocales } from '../../src/bootstrap/locales';

let app: TestApp;
let f: Fixtures;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startStrapi();
  f = await Fixtures.create(app);
  const section = await f.section('اقتصاد');
  const author = await f.author('سارة الكعبي', 'ar', { email: 'sara@khaleeji247.example', jobTitle: 'محررة' });
  const tag = await f.tag('النفط');
  const article = await f.article({
    title: 'أسعار النفط ترتفع',
    excerpt: 'ملخص',
    body: [paragraph('نص الخبر')],
    section: section.documentId,
    authors: [author.documentId],
    tags: [tag.documentId],
  });
  const res = await app.http().put('/api/site').set(f.auth).send({ data: { name: 'خليجي 247', baseUrl: 'https://khaleeji247.example' } });
  expect(res.status).toBe(200);
  Object.assign(ids, { section: section.documentId, author: author.documentId, tag: tag.documentId, article: article.documentId });
});
afterAll(async () => {
  await app?.stop();
});

describe('locales', () => {
  it('has ar (default) and en after bootstrap, and bootstrap is idempotent', async () => {
    await ensureSiteLocales(app.strapi);
    await ensureSiteLocales(app.strapi);
    const locales = await app.strapi.plugin('i18n').service('locales').find();
    expect(locales.map((l: any) => l.code).sort()).toEqual(['ar', 'en']);
    expect(await app.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('ar');
  });

  it('serves ar when the request names no locale', async () => {
    const res = await app.http().get('/api/articles');
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: any) => a.locale)).toEqual(['ar']);
    const en = await app.http().get('/api/articles?locale=en');
    expect(en.body.data).toEqual([]);
  });

  it('follows a change of the default locale at once (the cached default is dropped)', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    await locales.setDefaultLocale({ code: 'en' });
    try {
      expect(await locales.getDefaultLocale()).toBe('en');
      const res = await app.http().get('/api/tags?fields[0]=name');
      expect(res.body.data).toEqual([]); // the tag exists in ar only
    } finally {
      await locales.setDefaultLocale({ code: 'ar' });
    }
    expect((await app.http().get('/api/tags?fields[0]=name')).body.data).toHaveLength(1);
  });

  it.each(['/api/articles?locale=fr', '/api/authors?locale=xx', `/api/articles/slug/x?locale=de`, '/api/site?locale=ar-EG'])(
    'answers 400 naming the parameter for an unknown locale: %s',
    async (url) => {
      const res = await app.http().get(url);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.details.errors[0].path).toEqual(['locale']);
    },
  );
});

describe('public REST reads', () => {
  it.each(['articles', 'authors', 'sections', 'tags'])('lists and fetches %s', async (type) => {
    const list = await app.http().get(`/api/${type}`);
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    const one = await app.http().get(`/api/${type}/${list.body.data[0].documentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data.documentId).toBe(list.body.data[0].documentId);
  });

  it('reads the site single type', async () => {
    const res = await app.http().get('/api/site');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ name: 'خليجي 247', baseUrl: 'https://khaleeji247.example', locale: 'ar' });
  });

  it('never exposes an author email, however the author is reached', async () => {
    const urls = [
      '/api/authors',
      `/api/authors/${ids.author}`,
      '/api/authors?populate=*',
      '/api/articles?populate=authors',
      `/api/articles/${ids.article}`,
      '/api/articles',
    ];
    for (const url of urls) {
      const res = await app.http().get(url);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('sara@khaleeji247.example');
    }
    const filterByEmail = await app.http().get('/api/authors?filters[email][$eq]=sara@khaleeji247.example');
    expect(filterByEmail.status).toBe(400);
  });
});

describe('the public role cannot write', () => {
  const writes: Array<[string, string, (id: string) => string]> = [
    ['post', 'articles', () => '/api/articles'],
    ['put', 'articles', () => `/api/articles/${ids.article}`],
    ['delete', 'articles', () => `/api/articles/${ids.article}`],
    ['post', 'authors', () => '/api/authors'],
    ['delete', 'authors', () => `/api/authors/${ids.author}`],
    ['post', 'sections', () => '/api/sections'],
    ['put', 'tags', () => `/api/tags/${ids.tag}`],
    ['put', 'site', () => '/api/site'],
    ['delete', 'site', () => '/api/site'],
  ];
  it.each(writes)('%s %s → 403 and nothing changes', async (method, _type, url) => {
    const before = await app.http().get('/api/articles').then((r) => r.body);
    const res = await (app.http() as any)[method](url('')).send({ data: { title: 'X', name: 'X' } });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('ForbiddenError');
    const after = await app.http().get('/api/articles').then((r) => r.body);
    expect(after).toEqual(before);
  });

  it('a read-only API token cannot write either', async () => {
    const token = await app.apiToken('read-only');
    const res = await app.http().post('/api/tags').set('Authorization', `Bearer ${token}`).send({ data: { name: 'وسم' } });
    expect(res.status).toBe(403);
    expect((await app.http().get('/api/tags')).body.data).toHaveLength(1);
  });

  it('refuses drafts to the public but serves them to a token', async () => {
    const draft = await f.article({ title: 'مسودة تحت الحظر', section: ids.section }, { draft: true });
    const list = await app.http().get('/api/articles?status=draft');
    expect(list.status).toBe(403);
    const detail = await app.http().get(`/api/articles/${draft.documentId}`);
    expect(detail.status).toBe(404);
    const withToken = await app.http().get('/api/articles?status=draft').set(f.auth);
    expect(withToken.status).toBe(200);
    expect(withToken.body.data.map((a: any) => a.title)).toContain('مسودة تحت الحظر');
  });
});
