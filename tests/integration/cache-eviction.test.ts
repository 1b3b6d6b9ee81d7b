/**
 * The response cache survives a working newsroom: writes readers cannot see
 * evict nothing, a publish evicts exactly what can show it, concurrent misses
 * render once, a new version may be served stale briefly but an unpublished
 * one never, and stored entries are compressed once.
 */
import crypto from 'node:crypto';
import { countQueries, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { adminUser, cm, connect } from '../helpers/admin';
import { startPurgeStub } from '../helpers/purge-stub';

const ARTICLE = 'api::article.article';
let purge: Awaited<ReturnType<typeof startPurgeStub>>;
let app: TestApp;
let f: Fixtures;
const s: Record<string, any> = {};
const enc = encodeURIComponent;

const get = (url: string, encoding = 'identity') => app.http().get(url).set('Accept-Encoding', encoding);
const xcache = async (url: string) => (await get(url)).headers['x-cache'];
const settle = () => new Promise((r) => setTimeout(r, 150)); // the CDN is told asynchronously
/** Stale read-model rows re-render in the background after a write; drained so a measurement sees only its request. */
const settleReadModel = async () => {
  await app.strapi.service('api::article.read-model').refreshStale();
  await app.strapi.service('api::article.read-model').idle();
};

/** Fires n requests for one URL at once. */
const together = (url: string, n: number) => Promise.all(Array.from({ length: n }, () => get(url)));

beforeAll(async () => {
  purge = await startPurgeStub();
  app = await startStrapi({
    CACHE_PURGE_URL: purge.url,
    CACHE_STALE_SECONDS: '30',
    RATE_LIMIT_ENABLED: 'false',
  });
  f = await Fixtures.create(app);
  s.economy = await f.section('اقتصاد');
  s.sport = await f.section('رياضة');
  s.reem = await f.author('ريم الهاشمي');
  s.enSection = await f.section('Economy', 'en');
  s.oil = await f.article({ title: 'أسعار النفط', body: [paragraph('نص '.repeat(400))], section: s.economy.documentId, authors: [s.reem.documentId] });
  s.match = await f.article({ title: 'نتيجة المباراة', body: [paragraph('نص')], section: s.sport.documentId });
  s.en = await f.article({ title: 'Oil prices', body: [paragraph('Body')], section: s.enSection.documentId }, { locale: 'en' });
});
afterAll(async () => {
  await app?.stop();
  await purge?.close();
});

/** Public URLs a reader might have cached, Arabic and English. */
const publicUrls = () => [
  '/api/articles',
  `/api/articles?section=${enc(s.economy.slug)}`,
  `/api/articles?section=${enc(s.sport.slug)}`,
  `/api/articles?author=${enc(s.reem.slug)}`,
  `/api/articles/${s.oil.documentId}`,
  `/api/articles/slug/${enc(s.oil.slug)}`,
  '/api/articles?locale=en',
  '/api/feeds/rss',
  '/api/feeds/atom?locale=en',
  '/api/sitemaps/news',
  '/api/sitemaps',
  `/api/search?q=${enc('النفط')}`,
  '/api/sections',
];

async function warm(urls: string[]) {
  for (const url of urls) {
    const res = await get(url);
    expect([url, res.status]).toEqual([url, 200]);
  }
  for (const url of urls) expect([url, await xcache(url)]).toEqual([url, 'HIT']);
}

describe('what a write evicts', () => {
  it('a draft save, a new draft, a schedule edit or a discarded draft evicts nothing and purges nothing', async () => {
    const urls = publicUrls();
    await warm(urls);
    await settle();
    purge.requests.length = 0;
    const editor = await adminUser(app, 'newsroom-editor');
    const desk = cm(app, editor);
    // As the admin saves: a draft edit of a published story, a brand-new draft, an embargo set on it.
    expect((await desk.update(s.oil.documentId, { title: 'عنوان جديد لم ينشر' })).status).toBe(200);
    const draft = await desk.create({ title: 'مسودة جديدة', section: connect(s.economy.documentId) });
    expect(draft.status).toBe(201);
    const embargo = new Date(Date.now() + 86_400_000).toISOString();
    expect((await desk.update(draft.body.data.documentId, { scheduledPublishAt: embargo })).status).toBe(200);
    // Through the REST API and the Document Service too.
    await f.put('articles', s.match.documentId, { title: 'تعديل مسودة المباراة' }, { status: 'draft' });
    await app.strapi.documents(ARTICLE).discardDraft({ documentId: s.oil.documentId, locale: 'ar' });
    await settle();
    for (const url of urls) expect([url, await xcache(url)]).toEqual([url, 'HIT']);
    expect(purge.requests).toEqual([]);
  });

  it('an English publish leaves every Arabic page cached', async () => {
    const urls = publicUrls();
    await warm(urls);
    await f.put('articles', s.en.documentId, { title: 'Oil prices climb' }, { locale: 'en' });
    expect((await get('/api/articles?locale=en')).body.data[0].title).toBe('Oil prices climb');
    const arabic = urls.filter((u) => !/locale=en|\/api\/sitemaps$|\/api\/sections$/.test(u));
    for (const url of arabic) expect([url, await xcache(url)]).toEqual([url, 'HIT']);
  });

  it('a publish evicts the article and every list that can show it, and no other section', async () => {
    const urls = publicUrls();
    await warm(urls);
    await settle();
    purge.requests.length = 0;
    await f.put('articles', s.oil.documentId, { title: 'أسعار النفط تقفز' });
    const fresh = [
      '/api/articles',
      `/api/articles?section=${enc(s.economy.slug)}`,
      `/api/articles?author=${enc(s.reem.slug)}`,
      `/api/articles/${s.oil.documentId}`,
      `/api/articles/slug/${enc(s.oil.slug)}`,
      '/api/feeds/rss',
      '/api/sitemaps/news',
      '/api/sitemaps',
      `/api/search?q=${enc('النفط')}`,
    ];
    for (const url of fresh) {
      const res = await get(url);
      expect([url, res.headers['x-cache']]).toEqual([url, 'MISS']);
      if (res.type === 'application/json' && url !== `/api/search?q=${enc('النفط')}`) expect(JSON.stringify(res.body)).toContain('أسعار النفط تقفز');
    }
    for (const url of [`/api/articles?section=${enc(s.sport.slug)}`, '/api/articles?locale=en', '/api/feeds/atom?locale=en', '/api/sections']) {
      expect([url, await xcache(url)]).toEqual([url, 'HIT']);
    }
    await settle();
    expect(purge.requests.every((p) => p.soft === true)).toBe(true);
    expect(purge.requests.flatMap((p) => p.keys)).not.toContain(`list:ar:section:${enc(s.sport.slug)}`);
  });

  it('a section rename evicts every listing that can show its name', async () => {
    await warm(publicUrls());
    await f.put('sections', s.sport.documentId, { name: 'الرياضة' });
    expect(await xcache(`/api/articles?section=${enc(s.sport.slug)}`)).toBe('MISS');
    expect(await xcache('/api/sections')).toBe('MISS');
    expect((await get(`/api/articles?section=${enc(s.sport.slug)}`)).body.data[0].section.name).toBe('الرياضة');
  });
});

describe('stampedes and stale entries', () => {
  it('concurrent misses of one URL render once', async () => {
    const url = '/api/articles?pagination[pageSize]=7';
    await settleReadModel(); // the previous test's rename re-renders rows in the background: not this request's work
    const single = await countQueries(app.strapi, () => get(`${url}&digits=arab`)); // the same work, once, for another URL
    const burst = await countQueries(app.strapi, () => together(url, 12));
    const outcomes = burst.result.map((r) => r.headers['x-cache']);
    expect(outcomes.filter((o) => o === 'MISS')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'HIT')).toHaveLength(11);
    expect(burst.count).toBe(single.count);
    expect(new Set(burst.result.map((r) => r.text)).size).toBe(1);
  });

  it('after a new version is published, one request renders it while the others may get the old one, marked STALE', async () => {
    const url = `/api/articles/slug/${enc(s.match.slug)}`;
    await get(url);
    expect(await xcache(url)).toBe('HIT');
    await f.put('articles', s.match.documentId, { title: 'نتيجة المباراة النهائية' });
    const burst = await together(url, 12);
    const outcomes = burst.map((r) => r.headers['x-cache']);
    expect(outcomes.filter((o) => o === 'MISS')).toHaveLength(1);
    expect(outcomes.every((o) => ['MISS', 'STALE', 'HIT'].includes(o))).toBe(true);
    for (const r of burst) {
      expect(r.body.data.title).toBe(r.headers['x-cache'] === 'STALE' ? 'نتيجة المباراة' : 'نتيجة المباراة النهائية');
    }
    expect((await get(url)).body.data.title).toBe('نتيجة المباراة النهائية');
  });

  it('a stale entry is never served once its window has passed', async () => {
    const cache = app.strapi.get('newsroom.infra').cache.responses;
    const url = `/api/articles/${s.match.documentId}`;
    await get(url);
    cache.evict([`article:${s.match.documentId}`], { soft: true });
    const entry = [...(cache as any).entries.values()].find((e: any) => e.keys.includes(`article:${s.match.documentId}`) && e.staleSince);
    entry.staleSince -= 31_000;
    expect(await xcache(url)).toBe('MISS');
  });

  it('an unpublished story is never served stale: not from the list, not from its page', async () => {
    const victim = await f.article({ title: 'خبر يسحب فورا', section: s.economy.documentId });
    const page = `/api/articles/${victim.documentId}`;
    const list = `/api/articles?section=${enc(s.economy.slug)}`;
    await warm([page, list, '/api/feeds/rss']);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: victim.documentId, locale: 'ar' });
    const [pages, lists, feeds] = await Promise.all([together(page, 6), together(list, 6), together('/api/feeds/rss', 6)]);
    for (const r of [...pages, ...lists, ...feeds]) expect(r.headers['x-cache']).not.toBe('STALE');
    for (const r of pages) expect(r.status).toBe(404);
    for (const r of lists) expect(r.body.data.map((a: any) => a.documentId)).not.toContain(victim.documentId);
    for (const r of feeds) expect(r.text).not.toContain('خبر يسحب فورا');
    await settle();
    const hard = purge.requests.filter((p) => p.keys.includes(`article:${victim.documentId}`) && p.soft === false);
    expect(hard.length).toBeGreaterThan(0);
  });
});

describe('GraphQL GET (persisted queries)', () => {
  const query = '{ articles(sort: ["firstPublishedAt:desc"]) { documentId title } }';
  const hash = crypto.createHash('sha256').update(query).digest('hex');
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
  const gqlGet = (params: Record<string, string>) =>
    app.http().get('/graphql').query(params).set('Accept-Encoding', 'identity').set('apollo-require-preflight', 'true');

  it('is cached under the listing keys, and a publish evicts it; errors and POSTs are never cached', async () => {
    const unknown = await gqlGet({ extensions });
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await gqlGet({ extensions })).headers['x-cache']).toBe('MISS'); // not stored
    expect((await gqlGet({ query, extensions })).status).toBe(200); // registers the query
    const first = await gqlGet({ extensions });
    expect([first.status, first.headers['x-cache'], first.body.errors]).toEqual([200, 'MISS', undefined]);
    expect(first.headers['surrogate-key'].split(' ')).toEqual(expect.arrayContaining(['graphql', 'lists', 'list']));
    const hit = await gqlGet({ extensions });
    expect([hit.headers['x-cache'], hit.body]).toEqual(['HIT', first.body]);

    await f.put('articles', s.match.documentId, { title: 'نتيجة المباراة بعد التمديد' });
    const after = await gqlGet({ extensions });
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.articles.map((a: any) => a.title)).toContain('نتيجة المباراة بعد التمديد');

    const post = await app.http().post('/graphql').send({ query });
    expect(post.headers['x-cache']).toBeUndefined();
    const token = await gqlGet({ extensions }).set(f.auth);
    expect(token.headers['x-cache']).toBeUndefined();
  });
});

describe('compression', () => {
  it('serves br and gzip by Accept-Encoding, each decoding to the identity body, with Vary', async () => {
    const url = `/api/articles/${s.oil.documentId}`;
    const plain = await get(url);
    for (const encoding of ['br', 'gzip']) {
      for (const round of ['first', 'hit']) {
        if (round === 'first') await app.strapi.get('newsroom.infra').cache.invalidate('*');
        // superagent decodes both: the body is the identity body, Content-Length the encoded size.
        const res = await get(url, `${encoding}, identity;q=0.5`);
        expect([encoding, round, res.headers['content-encoding'], res.headers['x-cache']]).toEqual([encoding, round, encoding, round === 'first' ? 'MISS' : 'HIT']);
        expect(res.headers.vary).toMatch(/Accept-Encoding/i);
        expect(res.body).toEqual(plain.body);
        expect(Number(res.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text) / 2);
        expect(res.headers.etag).toBe(`W/${plain.headers.etag}`);
      }
    }
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
  });

  it('compresses what it does not cache too (a partner with a token)', async () => {
    const res = await app.http().get(`/api/articles/${s.oil.documentId}`).set(f.auth).set('Accept-Encoding', 'gzip');
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.data.documentId).toBe(s.oil.documentId);
    // br is preferred when both are offered (in one synchronous call per response, src/middlewares/compress.ts)
    const both = await app.http().get(`/api/articles/${s.oil.documentId}`).set(f.auth).set('Accept-Encoding', 'gzip, deflate, br');
    const plain = await app.http().get(`/api/articles/${s.oil.documentId}`).set(f.auth).set('Accept-Encoding', 'identity');
    expect([both.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(['br', undefined]);
    expect(both.body).toEqual(plain.body);
    expect(both.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(both.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text) / 2);
    if (plain.headers.etag) expect(both.headers.etag).toBe(`W/${plain.headers.etag.replace(/^W\//, '')}`);
    // a small body is sent as it is
    const small = await app.http().get('/_health').set('Accept-Encoding', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
