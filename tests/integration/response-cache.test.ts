import request from 'supertest';
import { countQueries, startSecondNode, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { startPurgeStub } from '../helpers/purge-stub';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let purge: Awaited<ReturnType<typeof startPurgeStub>>;
let app: TestApp;
let f: Fixtures;
const s: Record<string, any> = {};

beforeAll(async () => {
  purge = await startPurgeStub();
  app = await startStrapi({ CACHE_PURGE_URL: purge.url, REDIS_URL });
  f = await Fixtures.create(app);
  s.section = await f.section('اقتصاد');
  s.author = await f.author('ريم الهاشمي');
  s.a1 = await f.article({ title: 'أسعار النفط ترتفع', body: [paragraph('نص')], section: s.section.documentId, authors: [s.author.documentId] });
});
afterAll(async () => {
  await app?.stop();
  await purge?.close();
});

const get = (url: string) => app.http().get(url);

describe('response cache', () => {
  it('serves a repeated anonymous GET from memory, without SQL', async () => {
    const first = await get('/api/articles');
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await countQueries(app.strapi, () => get('/api/articles'));
    expect(second.result.headers['x-cache']).toBe('HIT');
    expect(second.result.body).toEqual(first.body);
    expect(second.count).toBe(0);
    // Parameter order and the implicit default locale do not split entries.
    expect((await get('/api/articles?locale=ar')).headers['x-cache']).toBe('HIT');
  });

  it('gives a weak If-None-Match the same answer from the cache as from the controller (one conditional-GET rule)', async () => {
    for (const url of ['/api/feeds/rss', `/api/articles/${s.a1.documentId}`]) {
      const first = await get(url).set('Accept-Encoding', 'identity');
      const weak = `W/${first.headers.etag}`;
      const hit = await get(url).set('Accept-Encoding', 'identity').set('If-None-Match', weak);
      expect([url, hit.headers['x-cache'], hit.status]).toEqual([url, 'HIT', 304]);
      await app.strapi.get('newsroom.infra').cache.invalidate('*');
      const miss = await get(url).set('Accept-Encoding', 'identity').set('If-None-Match', weak);
      expect([url, miss.headers['x-cache'] ?? 'MISS', miss.status]).toEqual([url, 'MISS', 304]);
      expect(miss.headers.etag).toBe(first.headers.etag);
    }
  });

  it('answers If-None-Match with 304 and the same ETag, without SQL', async () => {
    const first = await get(`/api/articles/${s.a1.documentId}`).set('Accept-Encoding', 'identity');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"/);
    const revalidated = await countQueries(app.strapi, () => get(`/api/articles/${s.a1.documentId}`).set('Accept-Encoding', 'identity').set('If-None-Match', etag));
    expect(revalidated.result.status).toBe(304);
    expect(revalidated.result.headers.etag).toBe(etag);
    expect(revalidated.count).toBe(0);
  });

  it('labels responses with Surrogate-Key / Cache-Tag for the CDN', async () => {
    const res = await get('/api/articles');
    const keys = res.headers['surrogate-key'].split(' ');
    expect(keys).toEqual(expect.arrayContaining(['lists', 'list:ar', `article:${s.a1.documentId}`, `section:${encodeURIComponent(s.section.slug)}`, `author:${encodeURIComponent(s.author.slug)}`]));
    expect(keys).not.toContain('list'); // the unscoped bucket is for listings that name no locale
    expect(res.headers['cache-tag'].split(',')).toEqual(keys);
    expect(res.headers['cache-control']).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
  });

  it('keeps Surrogate-Key within a header budget clients and CDNs accept', async () => {
    const tags = [];
    for (let i = 0; i < 60; i++) tags.push((await f.tag(`وسم طويل جدا للتجربة رقم ${i}`)).documentId);
    for (let i = 0; i < 20; i++) {
      await f.article({ title: `خبر كثير الوسوم ${i}`, section: s.section.documentId, tags: tags.slice(i * 3, i * 3 + 3) });
    }
    const res = await get('/api/articles?pagination[pageSize]=25'); // Node's HTTP client refuses > 16 KB of headers
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThanOrEqual(20);
    expect(Buffer.byteLength(res.headers['surrogate-key'])).toBeLessThanOrEqual(1200);
    expect(res.headers['surrogate-key'].split(' ').slice(0, 2)).toEqual(['lists', 'list:ar']);
    // the whole header block fits nginx's default proxy_buffer_size (4 KB), or nginx answers 502
    const block = Object.entries(res.headers).reduce((n, [name, value]) => n + Buffer.byteLength(`${name}: ${value}\r\n`), 'HTTP/1.1 200 OK\r\n'.length);
    expect(block).toBeLessThan(4096);
  });

  it('replays security headers on a hit, and answers CORS for each caller\'s origin', async () => {
    const miss = await get('/api/tags?fields[0]=name').set('Origin', 'https://a.example');
    const hit = await get('/api/tags?fields[0]=name').set('Origin', 'https://b.example');
    expect(hit.headers['x-cache']).toBe('HIT');
    for (const name of ['content-security-policy', 'x-frame-options', 'strict-transport-security', 'content-type']) {
      expect(hit.headers[name]).toBe(miss.headers[name]);
    }
    expect(hit.headers['access-control-allow-origin']).not.toBe('https://a.example');
  });

  it('never caches requests with credentials', async () => {
    const res = await get('/api/articles').set(f.auth);
    expect(res.status).toBe(200);
    expect(res.headers['x-cache']).toBeUndefined();
  });

  it('shows a newly published article on the very next request', async () => {
    await get('/api/articles');
    const a2 = await f.article({ title: 'خبر عاجل جديد', section: s.section.documentId });
    const res = await get('/api/articles');
    expect(res.headers['x-cache']).toBe('MISS');
    expect(res.body.data.map((a: any) => a.documentId)).toContain(a2.documentId);
    s.a2 = a2;
  });

  it('drops an unpublished article at once, from the list and the detail', async () => {
    await get(`/api/articles/${s.a2.documentId}`);
    await app.strapi.documents('api::article.article').unpublish({ documentId: s.a2.documentId, locale: 'ar' });
    expect((await get(`/api/articles/${s.a2.documentId}`)).status).toBe(404);
    expect((await get('/api/articles')).body.data.map((a: any) => a.documentId)).not.toContain(s.a2.documentId);
  });

  it('refreshes an article page when one of its authors is renamed', async () => {
    await get(`/api/articles/${s.a1.documentId}`);
    await f.put('authors', s.author.documentId, { name: 'ريم عبدالله الهاشمي' });
    const res = await get(`/api/articles/${s.a1.documentId}`);
    expect(res.body.data.authors[0].name).toBe('ريم عبدالله الهاشمي');
    // The slug is stable, the author page and the list by author follow too.
    expect((await get(`/api/articles?author=${encodeURIComponent(s.author.slug)}`)).body.data[0].authors[0].name).toBe('ريم عبدالله الهاشمي');
  });

  it("updates an author's article list when a new article by them appears", async () => {
    const url = `/api/articles?author=${encodeURIComponent(s.author.slug)}`;
    const before = await get(url);
    const count = before.body.data.length;
    expect((await get(url)).headers['x-cache']).toBe('HIT');
    await f.article({ title: 'مقال جديد للكاتبة', section: s.section.documentId, authors: [s.author.documentId] });
    const after = await get(url);
    expect(after.body.data.length).toBe(count + 1);
  });

  it('tells CACHE_PURGE_URL which keys changed', async () => {
    purge.requests.length = 0;
    await f.put('articles', s.a1.documentId, { excerpt: 'ملخص جديد' });
    await new Promise((r) => setTimeout(r, 200));
    const keys = purge.requests.flatMap((p) => p.keys);
    expect(keys).toEqual(
      expect.arrayContaining([`article:${s.a1.documentId}`, 'list', 'list:ar', `list:ar:section:${encodeURIComponent(s.section.slug)}`, `list:ar:author:${encodeURIComponent(s.author.slug)}`]),
    );
    expect(purge.requests.every((p) => p.soft === true)).toBe(true); // a new version: the CDN may serve the old one while it refetches
  });

  it('a second node sharing Redis evicts on a publish made on the first', async () => {
    const node = await startSecondNode({ REDIS_URL });
    try {
      const b = () => request(node.url);
      const warm = await b().get('/api/articles');
      expect(warm.status).toBe(200);
      expect((await b().get('/api/articles')).headers['x-cache']).toBe('HIT');
      const a3 = await f.article({ title: 'نشر على العقدة الأولى', section: s.section.documentId });
      const seen = await b().get('/api/articles');
      expect(seen.body.data.map((a: any) => a.documentId)).toContain(a3.documentId);
    } finally {
      await node.stop();
    }
  });
});
