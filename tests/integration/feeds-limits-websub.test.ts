import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { startHubStub } from '../helpers/hub-stub';
import { awayFromWindowEdge } from '../helpers/rate-window';
import { feedsmithAtom, feedsmithJson, feedsmithRss } from '../helpers/feed-checks';

const ARTICLE = 'api::article.article';
const ENV = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_TOKEN_PER_MIN: '3',
  RATE_LIMIT_ANON_PER_MIN: '5',
  REDIS_URL: '',
  WEBSUB_TIMEOUT_MS: '800',
};

let app: TestApp;
let f: Fixtures;
let hub: Awaited<ReturnType<typeof startHubStub>>;
const saved: Record<string, string | undefined> = {};
const ids: Record<string, any> = {};

beforeAll(async () => {
  hub = await startHubStub();
  const env = { ...ENV, WEBSUB_HUB_URL: hub.url };
  for (const k of Object.keys(env)) saved[k] = process.env[k];
  app = await startStrapi(env);
  f = await Fixtures.create(app);
  ids.section = await f.section('سياسة');
  ids.author = await f.author('ليلى حسن');
  ids.tag = await f.tag('الانتخابات');
  hub.reset();
});

afterAll(async () => {
  await app?.stop();
  await hub?.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('rate limiting (in-memory store)', () => {
  it('counts anonymous callers per IP and answers 429 with Retry-After and RateLimit headers', async () => {
    await awayFromWindowEdge();
    const statuses: number[] = [];
    let last: any;
    for (let i = 0; i < 6; i++) {
      last = await app.http().get('/api/feeds/json');
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers['ratelimit-limit']).toBe('5');
        expect(last.headers['ratelimit-remaining']).toBe('4');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    const retryAfter = Number(last.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last.headers['ratelimit-remaining']).toBe('0');
    expect(Number(last.headers['ratelimit-reset'])).toBe(retryAfter);
    // Sitemaps share the anonymous budget.
    expect((await app.http().get('/api/sitemaps')).status).toBe(429);
  });

  it('gives each token its own budget, separate from the anonymous one', async () => {
    const a = await app.apiToken('read-only');
    const b = await app.apiToken('read-only');
    await awayFromWindowEdge();
    const run = async (token: string) => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) out.push((await app.http().get('/api/feeds/rss').set('Authorization', `Bearer ${token}`)).status);
      return out;
    };
    expect(await run(a)).toEqual([200, 200, 200, 429]);
    expect(await run(b)).toEqual([200, 200, 200, 429]);
    const refused = await app.http().get('/api/feeds/rss').set('Authorization', `Bearer ${a}`);
    expect(refused.headers['ratelimit-limit']).toBe('3');
    expect(refused.headers['retry-after']).toBeDefined();
  });
});

describe('WebSub', () => {
  const withToken = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('advertises the hub in the feeds and in the Link header', async () => {
    const token = await app.apiToken('full-access'); // fresh budget
    const rss = await app.http().get('/api/feeds/rss').set(withToken(token)).buffer(true).parse(textParser);
    expect(rss.headers.link).toContain(`<${hub.url}>; rel="hub"`);
    expect(rss.headers.link).toMatch(/<[^>]+\/api\/feeds\/rss\?locale=ar>; rel="self"/);
    expect(feedsmithRss(rss.body).atom!.links!.find((l) => l.rel === 'hub')!.href).toBe(hub.url);
    const atom = await app.http().get('/api/feeds/atom').set(withToken(token)).buffer(true).parse(textParser);
    expect(feedsmithAtom(atom.body).links!.find((l) => l.rel === 'hub')!.href).toBe(hub.url);
    const json = await app.http().get('/api/feeds/json').set(withToken(token)).buffer(true).parse(textParser);
    expect(feedsmithJson(JSON.parse(json.body)).hubs).toEqual([{ type: 'WebSub', url: hub.url }]);
  });

  it('pings the hub for every affected feed URL when an article is published', async () => {
    hub.setMode('ok');
    hub.reset();
    ids.article = await f.article({
      title: 'نتائج الانتخابات',
      body: [paragraph('نص')],
      section: ids.section.documentId,
      authors: [ids.author.documentId],
      tags: [ids.tag.documentId],
    });
    // 4 formats × (locale feed + section + author + tag feeds)
    await hub.waitFor(16);
    await new Promise((r) => setTimeout(r, 200));
    expect(hub.pings).toHaveLength(16);
    expect(hub.pings.every((p) => p.mode === 'publish')).toBe(true);
    const topics = hub.pings.map((p) => new URL(p.topic!));
    expect(new Set(topics.map((t) => t.pathname))).toEqual(new Set(['/api/feeds/rss', '/api/feeds/atom', '/api/feeds/json', '/api/feeds/ninjs']));
    const queries = new Set(topics.map((t) => t.search));
    expect(queries).toEqual(
      new Set([
        '?locale=ar',
        `?${new URLSearchParams({ locale: 'ar', section: ids.section.slug })}`,
        `?${new URLSearchParams({ locale: 'ar', author: ids.author.slug })}`,
        `?${new URLSearchParams({ locale: 'ar', tag: ids.tag.slug })}`,
      ]),
    );
  });

  it('pings on update of the published version and on unpublish, not on draft-only edits', async () => {
    hub.reset();
    await app.strapi.documents(ARTICLE).update({ documentId: ids.article.documentId, locale: 'ar', data: { title: 'مسودة تعديل' } } as any);
    await new Promise((r) => setTimeout(r, 300));
    expect(hub.pings).toHaveLength(0);

    await f.put('articles', ids.article.documentId, { title: 'نتائج الانتخابات (محدث)' });
    await hub.waitFor(16);
    hub.reset();
    await app.strapi.documents(ARTICLE).unpublish({ documentId: ids.article.documentId, locale: 'ar' });
    await hub.waitFor(16);
    expect(hub.pings.map((p) => p.topic)).toContain(feedUrl('rss', { locale: 'ar' }));
  });

  it('a failing hub never fails the publish', async () => {
    hub.setMode('fail');
    hub.reset();
    const res = await app.strapi.documents(ARTICLE).publish({ documentId: ids.article.documentId, locale: 'ar' });
    expect(res.entries[0].publishedAt).toBeTruthy();
    await hub.waitFor(16);
    const published = await app.strapi.documents(ARTICLE).findOne({ documentId: ids.article.documentId, locale: 'ar', status: 'published' });
    expect(published).not.toBeNull();
  });

  it('a hanging hub does not hold the publish: the request returns before the hub answers, and pings are aborted at the timeout', async () => {
    hub.setMode('hang');
    hub.reset();
    let published = false;
    const publishing = f
      .article({ title: 'خبر عاجل أثناء تعطل المحور', body: [paragraph('نص')], section: ids.section.documentId })
      .then((a) => {
        published = true;
        return a;
      });
    const article = await publishing;
    expect(article.publishedAt).toBeTruthy();
    // The publish response is already here; the hub has not answered any ping yet.
    await hub.waitFor(8);
    expect(published).toBe(true);
    // WEBSUB_TIMEOUT_MS=800: the publisher gives up on the hung requests.
    const deadline = Date.now() + 5000;
    while (!hub.pings.every((p) => p.aborted) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(hub.pings.every((p) => p.aborted)).toBe(true);
    hub.setMode('ok');
  });
});

function feedUrl(format: string, params: Record<string, string>) {
  return `${String(app.strapi.config.get('server.absoluteUrl')).replace(/\/$/, '')}/api/feeds/${format}?${new URLSearchParams(params)}`;
}

function textParser(res: any, cb: (err: Error | null, body: string) => void) {
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (c: string) => (data += c));
  res.on('end', () => cb(null, data));
}
