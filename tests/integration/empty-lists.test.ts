/**
 * Every endpoint that renders a list, when the list is empty: a fresh database
 * (no site settings, no articles), then a locale whose only stories are older
 * than the news sitemap's 48 hours. An empty list is a 200 with a valid, empty
 * document and the same caching headers as a full one — never a 500.
 */
import { getText, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { feedsmithAtom, feedsmithJson, feedsmithRss, jsonFeedErrors, rowan, xmlErrors } from '../helpers/feed-checks';

const ARTICLE = 'api::article.article';
const FORMATS = ['rss', 'atom', 'json', 'ninjs'] as const;
const PUBLIC_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';
const XML = 'application/xml; charset=utf-8';
// Written out here, not imported from src/lib: what a crawler must receive, byte for byte.
const EMPTY_URLSET = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>';
const EMPTY_NEWS =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>';

let app: TestApp;

const get = (path: string, headers: Record<string, string> = {}) => getText(app, path, headers);
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
const paths = (xml: string) => locs(xml).map((l) => new URL(l).pathname + new URL(l).search);
const INDEX_PATHS = [
  '/api/sitemaps/news?locale=ar',
  '/api/sitemaps/articles?locale=ar&page=1',
  '/api/sitemaps/news?locale=en',
  '/api/sitemaps/articles?locale=en&page=1',
];

/** 200, well-formed, exactly `expected`, public caching, and revalidation to 304 by either validator. */
async function expectEmptySitemap(path: string, expected: string) {
  const res = await get(path);
  expect([path, res.status]).toEqual([path, 200]);
  expect(res.headers['content-type']).toBe(XML);
  expect(res.body).toBe(expected);
  expect(await xmlErrors(res.body)).toEqual([]);
  expect(res.headers['cache-control']).toBe(PUBLIC_CACHE);
  expect(res.headers.vary).toMatch(/Authorization/);
  expect(res.headers.etag).toMatch(/^"[^"]+"$/);
  expect(new Date(res.headers['last-modified']).toUTCString()).toBe(res.headers['last-modified']);
  const byEtag = await get(path, { 'If-None-Match': res.headers.etag });
  expect(byEtag.status).toBe(304);
  expect(byEtag.headers.etag).toBe(res.headers.etag);
  expect(byEtag.headers['cache-control']).toBe(PUBLIC_CACHE);
  expect((await get(path, { 'If-Modified-Since': res.headers['last-modified'] })).status).toBe(304);
  // A partner request skips the response cache: the sitemap's own conditional GET answers it.
  const token = await app.apiToken('read-only');
  const direct = await get(path, { Authorization: `Bearer ${token}`, 'If-None-Match': res.headers.etag });
  expect(direct.status).toBe(304);
  return res;
}

beforeAll(async () => {
  app = await startStrapi({ WEBSUB_HUB_URL: '', RATE_LIMIT_ENABLED: 'false' });
});
afterAll(async () => {
  await app?.stop();
});

describe('a fresh database: no site settings, no articles', () => {
  it.each(['ar', 'en'])('the news sitemap (%s) is an empty urlset with the news namespace', async (locale) => {
    await expectEmptySitemap(`/api/sitemaps/news?locale=${locale}`, EMPTY_NEWS);
  });

  it('the news sitemap without ?locale is the default locale’s empty one', async () => {
    const res = await get('/api/sitemaps/news');
    expect(res.status).toBe(200);
    expect(res.body).toBe(EMPTY_NEWS);
    expect(res.headers.etag).toBe((await get('/api/sitemaps/news?locale=ar')).headers.etag);
  });

  it.each(['ar', 'en'])('page 1 of the article sitemap (%s) is an empty urlset; page 2 is 404', async (locale) => {
    await expectEmptySitemap(`/api/sitemaps/articles?locale=${locale}&page=1`, EMPTY_URLSET);
    expect((await get(`/api/sitemaps/articles?locale=${locale}`)).body).toBe(EMPTY_URLSET);
    const past = await app.http().get(`/api/sitemaps/articles?locale=${locale}&page=2`);
    expect(past.status).toBe(404);
    expect(past.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
  });

  it('bad parameters are still 400, not an empty sitemap', async () => {
    expect((await app.http().get('/api/sitemaps/articles?locale=ar&page=0')).status).toBe(400);
    expect((await app.http().get('/api/sitemaps/news?locale=fr')).status).toBe(400);
  });

  it('the sitemap index still lists the news sitemap and page 1 of every locale', async () => {
    const res = await get('/api/sitemaps');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XML);
    expect(await xmlErrors(res.body)).toEqual([]);
    expect(res.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    expect(paths(res.body)).toEqual(INDEX_PATHS);
    expect(res.body).not.toContain('<lastmod>'); // nothing published: no date to claim
    expect(res.headers['cache-control']).toBe(PUBLIC_CACHE);
    expect((await get('/api/sitemaps', { 'If-None-Match': res.headers.etag })).status).toBe(304);
  });

  it('RSS is a valid channel with no items', async () => {
    const res = await get('/api/feeds/rss');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(await xmlErrors(res.body)).toEqual([]);
    expect(res.body).not.toContain('<item>');
    expect(rowan(res.body).items).toEqual([]);
    const parsed = feedsmithRss(res.body);
    expect(parsed.items ?? []).toEqual([]);
    expect(parsed.title).toBe('khaleeji247.example'); // no site settings yet: the host name
    expect(parsed.language).toBe('ar');
  });

  it('Atom is a valid feed with no entries', async () => {
    const res = await get('/api/feeds/atom?locale=en');
    expect(res.status).toBe(200);
    expect(await xmlErrors(res.body)).toEqual([]);
    expect(res.body).toMatch(/<feed [^>]*xml:lang="en"/);
    expect(res.body).not.toContain('<entry>');
    expect(feedsmithAtom(res.body).entries ?? []).toEqual([]);
    expect(rowan(res.body).items).toEqual([]);
  });

  it('JSON Feed validates with an empty items array', async () => {
    const res = await get('/api/feeds/json');
    expect(res.status).toBe(200);
    const json = JSON.parse(res.body);
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json.items).toEqual([]); // required by JSON Feed 1.1, even when empty
    expect(feedsmithJson(json).items ?? []).toEqual([]);
  });

  it('ninjs is an empty JSON array', async () => {
    const res = await get('/api/feeds/ninjs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual([]);
  });

  it.each(FORMATS)('the empty %s feed has the caching headers of a full one and revalidates to 304', async (format) => {
    const res = await get(`/api/feeds/${format}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(PUBLIC_CACHE);
    expect(res.headers.etag).toMatch(/^"[^"]+"$/);
    expect(res.headers.link).toMatch(/rel="self"/);
    expect((await get(`/api/feeds/${format}`, { 'If-None-Match': res.headers.etag })).status).toBe(304);
    expect((await get(`/api/feeds/${format}`, { 'If-Modified-Since': res.headers['last-modified'] })).status).toBe(304);
  });

  it.each(['ar', 'en'])('search (%s) answers 200 with no hits and zero pages', async (locale) => {
    const res = await app.http().get('/api/search').query({ q: 'النفط', locale });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], meta: { pagination: { page: 1, pageSize: 20, pageCount: 0, total: 0 }, locale } });
    const page2 = await app.http().get('/api/search').query({ q: 'النفط', locale, page: 2 });
    expect(page2.status).toBe(200);
    expect(page2.body.data).toEqual([]);
  });
});

describe('a locale whose stories are all older than 48 hours', () => {
  const stories: Array<{ documentId: string; slug: string }> = [];
  let emptyNewsEtag: string;

  beforeAll(async () => {
    emptyNewsEtag = (await get('/api/sitemaps/news?locale=ar')).headers.etag;
    const f = await Fixtures.create(app);
    const section = await f.section('اقتصاد');
    for (const [title, hours] of [['خبر قديم', 49], ['خبر أقدم', 72]] as const) {
      const story = await f.article({ title, excerpt: 'ملخص', body: [paragraph('نص')], section: section.documentId });
      // The REST create above evicted the cached lists; this direct edit does not, and nothing is read in between.
      await app.strapi.db.query(ARTICLE).updateMany({
        where: { documentId: story.documentId },
        data: { firstPublishedAt: new Date(Date.now() - hours * 3600_000) },
      });
      stories.push(story);
    }
  });

  it('the news sitemap is empty (with the news namespace) and keeps the ETag of the empty one', async () => {
    const res = await expectEmptySitemap('/api/sitemaps/news?locale=ar', EMPTY_NEWS);
    expect(res.headers.etag).toBe(emptyNewsEtag);
  });

  it('the article sitemap lists both stories; page 2 is 404', async () => {
    const res = await get('/api/sitemaps/articles?locale=ar&page=1');
    expect(res.status).toBe(200);
    expect(await xmlErrors(res.body)).toEqual([]);
    expect(locs(res.body).map((l) => decodeURIComponent(l))).toEqual(
      stories.map((s) => `https://khaleeji247.example/ar/اقتصاد/${s.slug}`),
    );
    expect((await app.http().get('/api/sitemaps/articles?locale=ar&page=2')).status).toBe(404);
  });

  it('the other locale stays empty and the index still lists both locales', async () => {
    await expectEmptySitemap('/api/sitemaps/news?locale=en', EMPTY_NEWS);
    await expectEmptySitemap('/api/sitemaps/articles?locale=en&page=1', EMPTY_URLSET);
    const index = await get('/api/sitemaps');
    expect(paths(index.body)).toEqual(INDEX_PATHS);
    expect(index.body.match(/<lastmod>/g)).toHaveLength(2); // the ar entries, which now have a date
  });

  it('a fresh story fills the news sitemap and changes its ETag', async () => {
    const f = await Fixtures.create(app);
    const section = await f.section('محليات');
    const story = await f.article({ title: 'خبر جديد', section: section.documentId });
    const res = await get('/api/sitemaps/news?locale=ar', { 'If-None-Match': emptyNewsEtag });
    expect(res.status).toBe(200);
    expect(await xmlErrors(res.body)).toEqual([]);
    expect([...res.body.matchAll(/<news:title>([^<]+)<\/news:title>/g)].map((m) => m[1])).toEqual(['خبر جديد']);
    expect(decodeURIComponent(locs(res.body)[0])).toBe(`https://khaleeji247.example/ar/محليات/${story.slug}`);
    expect(res.body.startsWith(EMPTY_NEWS.replace('</urlset>', '<url>'))).toBe(true);
    expect(res.headers.etag).not.toBe(emptyNewsEtag);
  });
});
