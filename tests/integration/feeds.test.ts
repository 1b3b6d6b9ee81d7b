import { startStrapi, countQueries, getText, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { activeContent } from '../helpers/inert-html';
import {
  feedsmithAtom,
  feedsmithJson,
  feedsmithRss,
  jsonFeedErrors,
  ninjsErrors,
  RFC3339,
  RFC822,
  rowan,
  xmlErrors,
} from '../helpers/feed-checks';

const ARTICLE = 'api::article.article';
const BASE = 'https://khaleeji247.example';
const FORMATS = ['rss', 'atom', 'json', 'ninjs'] as const;

let app: TestApp;
let f: Fixtures;
const ids: Record<string, any> = {};

// Titles and bodies chosen to stress RTL text, punctuation, Arabic-Indic digits and diacritics.
const TITLE = 'أسعار النفط «ترتفع» ٣٪ بعد قرار أوبك+ — تحليل';
const BODY_TEXT = 'قالت الوزارة، يوم الأحد، إنّ الإنتاج سيرتفع إلى ١٠٫٥ مليون برميل يومياً.';
const XSS_TITLE = '<script>alert(1)</script>عاجل <img src=x onerror=alert(2)>';
/** What a plain-text field keeps of XSS_TITLE: tag-shaped sequences are dropped, the rest is text. */
const XSS_TITLE_TEXT = 'alert(1)عاجل';

const XSS_BODY = [
  paragraph('<script>alert(4)</script> ]]> \u000B'),
  { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(5)', children: [{ type: 'text', text: 'اضغط' }] }] },
  { type: 'image', image: { url: 'javascript:alert(6)', alternativeText: '" onerror="alert(7)', width: 1, height: 1 }, children: [{ type: 'text', text: '' }] },
  { type: 'image', image: { url: 'https://cdn.example/x.jpg', alternativeText: '" onerror="alert(8)', width: 1, height: 1 }, children: [{ type: 'text', text: '' }] },
];

const get = (path: string, headers: Record<string, string> = {}) => getText(app, path, headers);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function uploadFile(name: string) {
  return app.strapi.db.query('plugin::upload.file').create({
    data: {
      name,
      hash: name.replace(/\W/g, '_'),
      ext: '.jpg',
      mime: 'image/jpeg',
      size: 12.5,
      width: 1200,
      height: 675,
      url: `/uploads/${name}`,
      provider: 'local',
      alternativeText: 'منصة نفط',
    },
  });
}

beforeAll(async () => {
  app = await startStrapi({ WEBSUB_HUB_URL: '', RATE_LIMIT_ENABLED: 'false' });
  f = await Fixtures.create(app);
  await app.http().put('/api/site').query({ locale: 'ar' }).set(f.auth)
    .send({ data: { name: 'خليجي 247', description: 'أخبار الخليج', copyright: '© خليجي 247', baseUrl: BASE } })
    .expect(200);
  await app.http().put('/api/site').query({ locale: 'en' }).set(f.auth)
    .send({ data: { name: 'Khaleeji 247', description: 'Gulf news', copyright: '© Khaleeji 247', baseUrl: BASE } })
    .expect(200);

  const economy = await f.section('اقتصاد');
  const sport = await f.section('رياضة');
  const sara = await f.author('سارة الكعبي');
  const mohammed = await f.author('محمد العلي');
  const oil = await f.tag('النفط');
  const enSection = await f.section('Economy', 'en');
  const file = await uploadFile('oil.jpg');

  const older = await f.article({ title: 'خبر رياضي قديم', excerpt: 'ملخص رياضي', body: [paragraph('نص رياضي')], section: sport.documentId, authors: [mohammed.documentId] });
  const main = await f.article({
    title: TITLE,
    excerpt: 'ملخص الخبر الرئيسي',
    body: [paragraph(BODY_TEXT), { type: 'heading', level: 2, children: [{ type: 'text', text: 'خلفية' }] }],
    section: economy.documentId,
    authors: [sara.documentId, mohammed.documentId],
    tags: [oil.documentId],
    cover: { image: file.id, caption: 'منصة نفط في الخليج', credit: 'وكالة الأنباء', alt: 'منصة' },
  });
  const xss = await f.article({ title: XSS_TITLE, excerpt: '<img src=x onerror=alert(3)> ملخص ]]> \u000B نهاية', section: economy.documentId, authors: [sara.documentId] });
  // Strapi's validator refuses javascript: links on write, so plant the body as a legacy import or a
  // direct database edit would: the renderer must make it inert on its own.
  await app.strapi.db.query(ARTICLE).updateMany({ where: { documentId: xss.documentId }, data: { body: XSS_BODY } });
  const draft = await f.article({ title: 'مسودة لا تنشر', section: economy.documentId }, { draft: true });
  const en = await f.article({ title: 'Oil prices rise', excerpt: 'Summary', body: [paragraph('English body')], section: enSection.documentId }, { locale: 'en' });
  Object.assign(ids, { economy, sport, sara, mohammed, oil, older, main, xss, draft, en });
});

afterAll(async () => {
  await app?.stop();
});

describe('RSS 2.0', () => {
  let xml: string;
  beforeAll(async () => {
    const res = await get('/api/feeds/rss');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    xml = res.body;
  });

  it('is well-formed XML and parses with two independent parsers', async () => {
    expect(await xmlErrors(xml)).toEqual([]);
    const a = rowan(xml);
    const b = feedsmithRss(xml);
    expect(a.title).toBe('خليجي 247');
    expect(a.language).toBe('ar');
    expect(a.copyright).toBe('© خليجي 247');
    expect(b.description).toBe('أخبار الخليج');
    expect(a.items.map((i) => i.title)).toEqual(b.items!.map((i) => i.title));
  });

  it('lists published ar articles only, newest first by firstPublishedAt', () => {
    const titles = rowan(xml).items.map((i) => i.title);
    expect(titles).toEqual([XSS_TITLE_TEXT, TITLE, 'خبر رياضي قديم']);
    expect(xml).not.toContain('مسودة');
    expect(xml).not.toContain('Oil prices');
  });

  it('round-trips the Arabic title byte-exact and builds the percent-encoded permalink', () => {
    const item = feedsmithRss(xml).items!.find((i) => i.title === TITLE)!;
    expect(Buffer.from(item.title!).equals(Buffer.from(TITLE))).toBe(true);
    expect(item.link).toBe(`${BASE}/ar/${encodeURIComponent('اقتصاد')}/${encodeURIComponent(ids.main.slug)}`);
    expect(decodeURIComponent(new URL(item.link!).pathname)).toBe(`/ar/اقتصاد/${ids.main.slug}`);
  });

  it('carries every co-author as dc:creator and never a name in <author>', () => {
    const item = feedsmithRss(xml).items!.find((i) => i.title === TITLE)!;
    expect(item.dc?.creators).toEqual(['سارة الكعبي', 'محمد العلي']);
    expect(rowan(xml).items.find((i) => i.title === TITLE)!.authors.map((a) => a.name)).toEqual(['سارة الكعبي', 'محمد العلي']);
    expect(xml).not.toMatch(/<author>/);
  });

  it('has a non-permalink urn guid, RFC 822 dates in ASCII, categories, summary and a Media RSS cover', () => {
    const item = feedsmithRss(xml).items!.find((i) => i.title === TITLE)!;
    expect(item.guid).toEqual({ value: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/), isPermaLink: false });
    const pubDate = /<pubDate>([^<]+)<\/pubDate>/.exec(xml)![1];
    expect(pubDate).toMatch(RFC822);
    expect(/<lastBuildDate>([^<]+)</.exec(xml)![1]).toMatch(RFC822);
    expect(item.categories!.map((c) => c.name)).toEqual(['اقتصاد', 'النفط']);
    expect(item.description).toBe('ملخص الخبر الرئيسي');
    expect(item.content).toBeUndefined(); // anonymous: no full text
    const media = item.media!.contents![0];
    expect(media).toMatchObject({ medium: 'image', type: 'image/jpeg', width: 1200, height: 675 });
    expect(media.url).toMatch(/^http:\/\/.+\/uploads\/oil\.jpg$/);
    expect(media.credits?.[0].value).toBe('وكالة الأنباء');
    expect(media.description?.value).toBe('منصة نفط في الخليج');
  });

  it('links to itself with atom:link rel="self"', () => {
    const self = feedsmithRss(xml).atom!.links!.find((l) => l.rel === 'self')!;
    expect(self.href).toMatch(/\/api\/feeds\/rss\?locale=ar$/);
  });

  it('puts no whitespace between tags and CDATA content', () => {
    expect(xml).not.toMatch(/>\s+<!\[CDATA\[/);
    expect(xml).not.toMatch(/\]\]>\s+<\//);
  });
});

describe('Atom 1.0', () => {
  it('is well-formed, sets xml:lang and RFC 3339 dates, and lists all authors', async () => {
    const res = await get('/api/feeds/atom');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(await xmlErrors(res.body)).toEqual([]);
    expect(res.body).toMatch(/<feed [^>]*xml:lang="ar"/);
    const parsed = feedsmithAtom(res.body);
    const entry = parsed.entries!.find((e) => e.title?.value === TITLE)!;
    expect(entry.authors!.map((a) => a.name)).toEqual(['سارة الكعبي', 'محمد العلي']);
    expect(entry.id).toMatch(/^urn:uuid:/);
    expect(entry.summary?.value).toBe('ملخص الخبر الرئيسي');
    expect(entry.content).toBeUndefined();
    for (const date of res.body.match(/<(published|updated)>[^<]+</g)!) expect(date.replace(/^<\w+>|<$/g, '')).toMatch(RFC3339);
    expect(parsed.rights?.value).toBe('© خليجي 247');
    const r = rowan(res.body);
    expect(r.items.find((i) => i.title === TITLE)!.published!.toISOString()).toBe(new Date(ids.main.firstPublishedAt).toISOString());
  });
});

describe('JSON Feed 1.1', () => {
  it('validates against the JSON Feed 1.1 schema and parses with feedsmith', async () => {
    const res = await get('/api/feeds/json');
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const json = JSON.parse(res.body);
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    const parsed = feedsmithJson(json);
    const item = parsed.items!.find((i) => i.title === TITLE)!;
    expect(item.authors!.map((a) => a.name)).toEqual(['سارة الكعبي', 'محمد العلي']);
    expect(item.language).toBe('ar');
    expect(item.content_html).toBeUndefined();
    expect(item.content_text).toBe('ملخص الخبر الرئيسي');
    expect(item.date_published).toMatch(RFC3339);
    expect(item.tags).toEqual(['اقتصاد', 'النفط']);
  });
});

describe('IPTC ninjs 2.x', () => {
  it('every item validates against the ninjs 2.x schema subset', async () => {
    const res = await get('/api/feeds/ninjs');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const items = JSON.parse(res.body);
    expect(items).toHaveLength(3);
    for (const item of items) expect(ninjsErrors(item)).toEqual([]);
    const main = items.find((i: any) => i.headlines[0].value === TITLE);
    expect(main.representationtype).toBe('partial');
    expect(main.bodies).toBeUndefined();
    expect(main.people.map((p: any) => p.name)).toEqual(['سارة الكعبي', 'محمد العلي']);
    expect(main.firstcreated).toMatch(RFC3339);
    expect(main.language).toBe('ar');
  });

  it('the schema subset rejects ninjs 1.x field names (it is not vacuous)', () => {
    expect(ninjsErrors({ uri: 'urn:x', headline: 'x' })).not.toEqual([]);
    expect(ninjsErrors({ headlines: [{ value: 'x' }] })).not.toEqual([]);
  });
});

describe('filters and parameters', () => {
  const titles = async (query: string) => {
    const res = await get(`/api/feeds/json?${query}`);
    expect([query, res.status]).toEqual([query, 200]);
    return JSON.parse(res.body).items.map((i: any) => i.title);
  };

  it('filters by section, author, tag (Arabic slugs) and locale; limit caps the count', async () => {
    expect(await titles(`section=${encodeURIComponent(ids.sport.slug)}`)).toEqual(['خبر رياضي قديم']);
    expect(await titles(`author=${encodeURIComponent(ids.mohammed.slug)}`)).toEqual([TITLE, 'خبر رياضي قديم']);
    expect(await titles(`tag=${encodeURIComponent(ids.oil.slug)}`)).toEqual([TITLE]);
    expect(await titles('locale=en')).toEqual(['Oil prices rise']);
    expect(await titles('limit=1')).toEqual([XSS_TITLE_TEXT]);
  });

  it('a section whose only story is a draft gives a valid, empty feed in every format', async () => {
    const culture = await f.section('ثقافة');
    await f.article({ title: 'مسودة ثقافية', section: culture.documentId }, { draft: true });
    const query = `section=${encodeURIComponent(culture.slug)}`;
    const bodies = Object.fromEntries(
      await Promise.all(
        FORMATS.map(async (format) => {
          const res = await get(`/api/feeds/${format}?${query}`);
          expect([format, res.status]).toEqual([format, 200]);
          expect(res.headers.etag).toMatch(/^"[^"]+"$/);
          return [format, res.body] as const;
        }),
      ),
    );
    for (const format of ['rss', 'atom'] as const) {
      expect(await xmlErrors(bodies[format])).toEqual([]);
      expect(rowan(bodies[format]).items).toEqual([]);
    }
    expect(feedsmithRss(bodies.rss).title).toBe('خليجي 247 — ثقافة');
    const json = JSON.parse(bodies.json);
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json.items).toEqual([]);
    expect(JSON.parse(bodies.ninjs)).toEqual([]);
  });

  it('uses the English site settings for locale=en', async () => {
    const feed = JSON.parse((await get('/api/feeds/json?locale=en')).body);
    expect(feed).toMatchObject({ title: 'Khaleeji 247', language: 'en', home_page_url: `${BASE}/en` });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['section=a&section=b', 'section'],
  ])('answers 400 JSON for %s', async (query, field) => {
    const res = await app.http().get(`/api/feeds/rss?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual([field]);
  });

  it('answers 400 for an unknown locale', async () => {
    const res = await app.http().get('/api/feeds/atom?locale=fr');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['locale']);
  });

  it.each(['section', 'author', 'tag'])('answers 404 JSON for an unknown %s', async (param) => {
    const res = await app.http().get(`/api/feeds/ninjs?${param}=${encodeURIComponent('غير-موجود')}`);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    expect(res.body.error.details.errors[0].path).toEqual([param]);
  });

  it('answers 404 for an unknown format', async () => {
    expect((await app.http().get('/api/feeds/rdf')).status).toBe(404);
  });
});

describe('partners and full text', () => {
  it.each(['read-only', 'custom'] as const)('a %s token gets the full body in every format', async (type) => {
    const token = await app.apiToken(type, type === 'custom' ? ['api::feed.feed.find'] : undefined);
    const rss = await get('/api/feeds/rss', bearer(token));
    expect(rss.status).toBe(200);
    const rssItem = feedsmithRss(rss.body).items!.find((i) => i.title === TITLE)!;
    expect(rssItem.content?.encoded).toBe(`<div dir="rtl" lang="ar"><p>${BODY_TEXT}</p><h2>خلفية</h2></div>`);
    const atom = feedsmithAtom((await get('/api/feeds/atom', bearer(token))).body);
    expect(atom.entries!.find((e) => e.title?.value === TITLE)!.content?.value).toContain(BODY_TEXT);
    const json = JSON.parse((await get('/api/feeds/json', bearer(token))).body);
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json.items.find((i: any) => i.title === TITLE).content_html).toContain(BODY_TEXT);
    const ninjs = JSON.parse((await get('/api/feeds/ninjs', bearer(token))).body);
    const item = ninjs.find((i: any) => i.headlines[0].value === TITLE);
    expect(ninjsErrors(item)).toEqual([]);
    expect(item.representationtype).toBe('full');
    expect(item.bodies[0]).toMatchObject({ contenttype: 'text/html', value: expect.stringContaining(BODY_TEXT) });
  });

  it('the Arabic body round-trips byte-exact through content:encoded', async () => {
    const token = await app.apiToken('read-only');
    const xml = (await get('/api/feeds/rss', bearer(token))).body;
    const html = rowan(xml).items.find((i) => i.title === TITLE)!.content!;
    const text = /<p>([^<]*)<\/p>/.exec(html)![1];
    expect(Buffer.from(text).equals(Buffer.from(BODY_TEXT))).toBe(true);
  });

  it('a bad token is refused with 401 JSON, not downgraded', async () => {
    const res = await app.http().get('/api/feeds/rss').set(bearer('not-a-real-token'));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError' });
  });

  it('an expired token is refused with 401', async () => {
    const created = await app.strapi.service('admin::api-token').create({ name: 'expired-partner', description: '', type: 'read-only', lifespan: 7 * 24 * 3600 * 1000 });
    await app.strapi.db.query('admin::api-token').update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const res = await app.http().get('/api/feeds/json').set(bearer(created.accessKey));
    expect(res.status).toBe(401);
    expect(res.body.error.status).toBe(401);
  });

  it('a custom token without the feed action is refused (403), never served a summary', async () => {
    const token = await app.apiToken('custom', ['api::article.article.find']);
    const res = await app.http().get('/api/feeds/rss').set(bearer(token));
    expect(res.status).toBe(403);
  });
});

describe('conditional GET and caching headers', () => {
  it('public responses are cacheable and revalidate to 304 with either validator', async () => {
    // Uncompressed: a compressed variant carries the weak form of the same tag (response-cache tests).
    const rss = (headers: Record<string, string> = {}) => get('/api/feeds/rss', { 'Accept-Encoding': 'identity', ...headers });
    const first = await rss();
    expect(first.headers['cache-control']).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
    expect(first.headers.vary).toMatch(/Authorization/);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/); // strong
    const byEtag = await rss({ 'If-None-Match': etag });
    expect(byEtag.status).toBe(304);
    expect(byEtag.headers.etag).toBe(etag);
    expect(byEtag.headers['cache-control']).toBe(first.headers['cache-control']);
    expect(byEtag.body).toBe('');
    const byDate = await rss({ 'If-Modified-Since': first.headers['last-modified'] });
    expect(byDate.status).toBe(304);
    expect(byDate.headers.etag).toBe(etag);
    expect((await rss({ 'If-None-Match': '"other"' })).status).toBe(200);
    expect((await rss({ 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200);
  });

  it('a 304 costs a few small queries and never loads the articles', async () => {
    // Partner requests bypass the response cache, so this measures the feed's own revalidation path.
    const auth = { Authorization: `Bearer ${await app.apiToken('read-only')}` };
    const etag = (await get('/api/feeds/atom', auth)).headers.etag;
    const { result, count, sql } = await countQueries(app.strapi, () => get('/api/feeds/atom', { ...auth, 'If-None-Match': etag }));
    expect(result.status).toBe(304);
    expect(count).toBeGreaterThan(0);
    // Strapi's own token authentication aside, the feed spends at most 3 small queries.
    const feedSql = sql.filter((q) => !/strapi_api_token|admin_permissions|admin_users/.test(q));
    expect(feedSql.length).toBeLessThanOrEqual(3);
    expect(feedSql.join('\n')).toMatch(/max\(/i);
    expect(feedSql.filter((q) => /from [`"]articles[`"]/.test(q) && !/count\(/.test(q))).toEqual([]);
  });

  it('an anonymous 304 is answered from the response cache without SQL', async () => {
    const etag = (await get('/api/feeds/atom')).headers.etag;
    const { result, count } = await countQueries(app.strapi, () => get('/api/feeds/atom', { 'If-None-Match': etag }));
    expect(result.status).toBe(304);
    expect(result.headers.etag).toBe(etag);
    expect(count).toBe(0);
  });

  it('the ETag differs by format, query and access class; partners get private caching', async () => {
    const token = await app.apiToken('read-only');
    const pub = await get('/api/feeds/json');
    const partner = await get('/api/feeds/json', bearer(token));
    expect(partner.headers['cache-control']).toMatch(/^private/);
    expect(partner.headers.vary).toMatch(/Authorization/);
    const tags = new Set([pub.headers.etag, partner.headers.etag, (await get('/api/feeds/json?limit=2')).headers.etag, (await get('/api/feeds/ninjs')).headers.etag]);
    expect(tags.size).toBe(4);
    expect((await get('/api/feeds/json', { ...bearer(token), 'If-None-Match': pub.headers.etag })).status).toBe(200);
  });

  it('the feed loads in a constant number of queries whatever the item count', async () => {
    const token = await app.apiToken('read-only');
    await get('/api/feeds/rss?limit=1', bearer(token)); // first use of a token also records lastUsedAt
    // The two newest stories between them use every relation (section, authors, tags, cover).
    const one = await countQueries(app.strapi, () => get('/api/feeds/rss?limit=2', bearer(token)));
    const all = await countQueries(app.strapi, () => get('/api/feeds/rss?limit=100', bearer(token)));
    // Content queries only: token/session bookkeeping and background jobs of Strapi are not the feed's cost.
    const content = (sql: string[]) => sql.filter((q) => !/strapi_|admin_|up_|i18n_locale/.test(q));
    expect(content(all.sql)).toHaveLength(content(one.sql).length);
    expect(content(all.sql).length).toBeLessThanOrEqual(20);
  });
});

describe('XSS payloads', () => {
  it('are inert in every format, for anonymous and partner callers', async () => {
    const token = await app.apiToken('read-only');
    for (const headers of [{}, bearer(token)]) {
      const rss = await get('/api/feeds/rss', headers);
      expect(await xmlErrors(rss.body)).toEqual([]);
      const rssItem = feedsmithRss(rss.body).items![0];
      expect(rssItem.title).toBe(XSS_TITLE_TEXT);
      for (const html of [rssItem.title, rssItem.description, rssItem.content?.encoded]) expect(activeContent(html ?? '')).toEqual([]);
      const atom = await get('/api/feeds/atom', headers);
      expect(await xmlErrors(atom.body)).toEqual([]);
      const entry = feedsmithAtom(atom.body).entries![0];
      for (const html of [entry.title?.value, entry.summary?.value, entry.content?.value]) expect(activeContent(html ?? '')).toEqual([]);
      const json = JSON.parse((await get('/api/feeds/json', headers)).body).items[0];
      for (const html of [json.title, json.summary, json.content_html, json.content_text]) expect(activeContent(html ?? '')).toEqual([]);
      const ninjs = JSON.parse((await get('/api/feeds/ninjs', headers)).body)[0];
      for (const html of [ninjs.headlines[0].value, ninjs.descriptions[0].value, ninjs.bodies?.[0].value]) expect(activeContent(html ?? '')).toEqual([]);
      if (headers !== undefined && 'Authorization' in headers) {
        expect(rssItem.content?.encoded).toContain('&lt;script&gt;');
        expect(rssItem.content?.encoded).toContain('اضغط');
        expect(rssItem.content?.encoded).not.toContain('\u000B');
      }
    }
  });

  it('a "]]>" in the text survives CDATA splitting', async () => {
    const token = await app.apiToken('read-only');
    const xml = (await get('/api/feeds/rss', bearer(token))).body;
    expect(feedsmithRss(xml).items![0].description).toBe('ملخص ]]>  نهاية');
  });
});

describe('stable ids', () => {
  it('keeps guid/id/uri when the story is edited and re-published, while the link follows the new slug', async () => {
    const ids1 = JSON.parse((await get('/api/feeds/json')).body).items.find((i: any) => i.title === TITLE);
    const rss1 = feedsmithRss((await get('/api/feeds/rss')).body).items!.find((i) => i.title === TITLE)!;
    const edited = `${TITLE} (محدّث)`;
    await f.put('articles', ids.main.documentId, { title: edited, slug: 'عنوان-جديد' });
    const ids2 = JSON.parse((await get('/api/feeds/json')).body).items.find((i: any) => i.title === edited);
    const rss2 = feedsmithRss((await get('/api/feeds/rss')).body).items!.find((i) => i.title === edited)!;
    expect(ids2.id).toBe(ids1.id);
    expect(rss2.guid).toEqual(rss1.guid);
    expect(ids2.url).not.toBe(ids1.url);
    expect(ids2.date_published).toBe(ids1.date_published);
    expect(new Date(ids2.date_modified).getTime()).toBeGreaterThan(new Date(ids1.date_modified).getTime());
    const atom = feedsmithAtom((await get('/api/feeds/atom')).body).entries!.find((e) => e.title?.value === edited)!;
    expect(atom.id).toBe(ids1.id);
    const ninjs = JSON.parse((await get('/api/feeds/ninjs')).body).find((i: any) => i.headlines[0].value === edited);
    expect(ninjs.uri).toBe(ids1.id);
    await f.put('articles', ids.main.documentId, { title: TITLE });
  });

  it('unpublishing removes the story and changes the ETag', async () => {
    const before = await get('/api/feeds/rss');
    await app.strapi.documents(ARTICLE).unpublish({ documentId: ids.older.documentId, locale: 'ar' });
    const after = await get('/api/feeds/rss', { 'If-None-Match': before.headers.etag });
    expect(after.status).toBe(200);
    expect(rowan(after.body).items.map((i) => i.title)).not.toContain('خبر رياضي قديم');
    await app.strapi.documents(ARTICLE).publish({ documentId: ids.older.documentId, locale: 'ar' });
  });
});

describe('sitemaps', () => {
  it('the index lists the news sitemap and article pages of both locales', async () => {
    const res = await get('/api/sitemaps');
    expect(res.status).toBe(200);
    expect(await xmlErrors(res.body)).toEqual([]);
    const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(locs.map((l) => new URL(l).pathname + new URL(l).search)).toEqual([
      '/api/sitemaps/news?locale=ar',
      '/api/sitemaps/articles?locale=ar&page=1',
      '/api/sitemaps/news?locale=en',
      '/api/sitemaps/articles?locale=en&page=1',
    ]);
  });

  it('the article sitemap lists every published story with its percent-encoded URL', async () => {
    const res = await get('/api/sitemaps/articles?locale=ar&page=1');
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(await xmlErrors(res.body)).toEqual([]);
    const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toHaveLength(3);
    const feedUrls = JSON.parse((await get('/api/feeds/json')).body).items.map((i: any) => i.url);
    expect(locs.sort()).toEqual(feedUrls.sort());
    expect(locs).toContain(`${BASE}/ar/${encodeURIComponent('رياضة')}/${encodeURIComponent(ids.older.slug)}`);
    expect((await app.http().get('/api/sitemaps/articles?locale=ar&page=2')).status).toBe(404);
    expect((await app.http().get('/api/sitemaps/articles?page=0')).status).toBe(400);
  });

  it('the news sitemap keeps the last 48 hours only', async () => {
    const old = new Date(Date.now() - 49 * 3600 * 1000);
    await app.strapi.db.query(ARTICLE).updateMany({ where: { documentId: ids.older.documentId }, data: { firstPublishedAt: old } });
    const res = await get('/api/sitemaps/news?locale=ar');
    expect(await xmlErrors(res.body)).toEqual([]);
    const titles = [...res.body.matchAll(/<news:title>([^<]+)<\/news:title>/g)].map((m) => m[1]);
    expect(titles).toEqual([XSS_TITLE_TEXT, TITLE]);
    expect(res.body).toContain('<news:name>خليجي 247</news:name>');
    expect(res.body).toContain('<news:language>ar</news:language>');
    for (const m of res.body.matchAll(/<news:publication_date>([^<]+)</g)) expect(m[1]).toMatch(RFC3339);
  });

  it('the news sitemap holds at most 1000 entries, newest first', async () => {
    const now = Date.now();
    const rows = Array.from({ length: 1001 }, (_, i) => ({
      documentId: `bulk${String(i).padStart(20, '0')}`,
      locale: 'en',
      title: `Bulk story ${i}`,
      slug: `bulk-story-${i}`,
      publishedAt: new Date(now),
      firstPublishedAt: new Date(now - 2 * 3600_000 - i * 60_000),
      createdAt: new Date(now),
      updatedAt: new Date(now),
    }));
    await app.strapi.db.query(ARTICLE).createMany({ data: rows });
    const res = await get('/api/sitemaps/news?locale=en');
    const titles = [...res.body.matchAll(/<news:title>([^<]+)<\/news:title>/g)].map((m) => m[1]);
    expect(titles).toHaveLength(1000);
    expect(titles[0]).toBe('Oil prices rise');
    expect(titles).not.toContain('Bulk story 999');
    expect(titles[999]).toBe('Bulk story 998');
  });
});
