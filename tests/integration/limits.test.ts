/**
 * Limits of every public surface (config/security.ts): rate limits per caller
 * and surface — REST, GraphQL and search as well as feeds, cached responses
 * counted too — client addresses behind a trusted proxy, IPv6 grouped by /64,
 * and the upload size limit.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures } from '../helpers/fixtures';
import { awayFromWindowEdge } from '../helpers/rate-window';

const ENV = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_ANON_PER_MIN: '4',
  RATE_LIMIT_TOKEN_PER_MIN: '3',
  RATE_LIMIT_SEARCH_PER_MIN: '2',
  TRUSTED_PROXIES: '1',
  REDIS_URL: '',
  UPLOAD_MAX_BYTES: '4096',
};

let app: TestApp;
let f: Fixtures;
const saved: Record<string, string | undefined> = {};
let client = 0;
/** A fresh client address for each test (the proxy in front tells us who it is). */
const nextClient = () => `203.0.113.${++client}`;

beforeAll(async () => {
  for (const k of Object.keys(ENV)) saved[k] = process.env[k];
  app = await startStrapi(ENV);
  f = await Fixtures.create(app);
});
afterAll(async () => {
  await app?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const statuses = async (n: number, send: () => Promise<{ status: number }>) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send()).status);
  return out;
};

describe('rate limits on every surface', () => {
  beforeEach(() => awayFromWindowEdge());

  it('REST lists are limited per client, cached answers included', async () => {
    const ip = nextClient();
    const seen: string[] = [];
    const res = await statuses(5, async () => {
      const r = await app.http().get('/api/articles').set('X-Forwarded-For', ip);
      seen.push(r.headers['x-cache']);
      return r;
    });
    expect(res).toEqual([200, 200, 200, 200, 429]);
    expect(seen.slice(1, 4)).toEqual(['HIT', 'HIT', 'HIT']); // answered from the cache, and still counted
    const refused = await app.http().get('/api/articles').set('X-Forwarded-For', ip);
    expect(refused.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('GraphQL is limited, in its own budget', async () => {
    const ip = nextClient();
    const query = () => app.http().post('/graphql').set('X-Forwarded-For', ip).send({ query: '{ articles { title } }' });
    expect(await statuses(5, query)).toEqual([200, 200, 200, 200, 429]);
    expect((await app.http().get('/api/tags').set('X-Forwarded-For', ip)).status).toBe(200);
  });

  it('search has a smaller budget of its own', async () => {
    const ip = nextClient();
    expect(await statuses(3, () => app.http().get('/api/search?q=x').set('X-Forwarded-For', ip))).toEqual([200, 200, 429]);
    expect((await app.http().get('/api/articles').set('X-Forwarded-For', ip)).status).toBe(200);
  });

  it('counts per token, whatever the address', async () => {
    const token = await app.apiToken('read-only');
    const as = (ip: string) => app.http().get('/api/articles').set('X-Forwarded-For', ip).set('Authorization', `Bearer ${token}`);
    expect([(await as(nextClient())).status, (await as(nextClient())).status, (await as(nextClient())).status, (await as(nextClient())).status]).toEqual([200, 200, 200, 429]);
  });

  it('trusts only the entry our one proxy added to X-Forwarded-For: a forged chain does not buy a fresh budget', async () => {
    const ip = nextClient();
    const forged = (i: number) => app.http().get('/api/sections').set('X-Forwarded-For', `198.51.100.${i}, ${ip}`);
    expect(await statuses(5, async () => forged(Math.floor(Math.random() * 250)))).toEqual([200, 200, 200, 200, 429]);
  });

  it('groups IPv6 clients by /64', async () => {
    const same = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002::7', '2001:db8:1:2::9'];
    for (const ip of same) expect((await app.http().get('/api/authors').set('X-Forwarded-For', ip)).status).toBe(200);
    expect((await app.http().get('/api/authors').set('X-Forwarded-For', '2001:db8:1:2::abcd')).status).toBe(429);
    expect((await app.http().get('/api/authors').set('X-Forwarded-For', '2001:db8:1:3::1')).status).toBe(200);
  });
});

describe('CORS', () => {
  it("answers the admin's own origin and no other", async () => {
    const own = await app.http().get('/api/tags').set('Origin', 'http://localhost:1337').set('X-Forwarded-For', nextClient());
    expect(own.headers['access-control-allow-origin']).toBe('http://localhost:1337');
    expect(own.headers['access-control-allow-credentials']).toBe('true');
    for (const path of ['/api/tags', '/graphql']) {
      const evil = await app.http().options(path).set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST').set('X-Forwarded-For', nextClient());
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('uploads', () => {
  it('refuses a file over UPLOAD_MAX_BYTES with 413, storing nothing', async () => {
    const before = await app.strapi.db.query('plugin::upload.file').count();
    const res = await app
      .http()
      .post('/api/upload')
      .set(f.auth)
      .set('X-Forwarded-For', nextClient())
      .attach('files', Buffer.alloc(10_000, 1), { filename: 'big.png', contentType: 'image/png' });
    expect(res.status).toBe(413);
    expect(res.body.error.status).toBe(413);
    expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(before);
  });
});
