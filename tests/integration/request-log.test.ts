/**
 * The request log (src/middlewares/request-log.ts) prints what the caller sent — not the
 * expanded preset the article controller puts in its place — with status, duration and
 * the request id answered in X-Request-Id; cached answers are logged too.
 */
import { PassThrough } from 'node:stream';
import winston from 'winston';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures } from '../helpers/fixtures';

let app: TestApp;
let lines: string[] = [];
let transport: winston.transport;
let level: string;
let slug: string;

beforeAll(async () => {
  app = await startStrapi();
  const f = await Fixtures.create(app);
  const section = await f.section('سياسة');
  slug = (await f.article({ title: 'وزراء خارجية «الناتو» يجتمعون في بروكسل', section: section.documentId })).slug;
  const stream = new PassThrough({ objectMode: true });
  // The raw level: the console format colours info.level in place.
  stream.on('data', (info: { message: string; [key: symbol]: string }) => lines.push(`${info[Symbol.for('level')]}: ${info.message}`));
  transport = new winston.transports.Stream({ stream });
  app.strapi.log.add(transport);
  level = app.strapi.log.level;
  app.strapi.log.level = 'http'; // the tests run at LOG_LEVEL=warn; the default is http
});
afterAll(async () => {
  if (transport) app.strapi.log.remove(transport);
  if (level) app.strapi.log.level = level;
  await app?.stop();
});
beforeEach(() => {
  lines = [];
});

const requestLines = () => lines.filter((l) => l.startsWith('http: '));

describe('request log', () => {
  it('prints the list URL as sent, not the preset the controller expanded it into', async () => {
    const res = await app.http().get('/api/articles?locale=ar&pagination[pageSize]=5');
    expect(res.status).toBe(200);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(requestLines()).toEqual([expect.stringMatching(new RegExp(`^http: GET /api/articles\\?locale=ar&pagination\\[pageSize\\]=5 200 [0-9.]+ ms id=${id} cache=MISS$`))]);
    expect(lines.join('\n')).not.toMatch(/fields\[|populate/);
  });

  it('logs a cached answer under its own new id (the id is never replayed from the cache)', async () => {
    const first = await app.http().get('/api/articles?locale=ar&pagination[pageSize]=5');
    expect(first.headers['x-cache']).toBe('HIT');
    const second = await app.http().get('/api/articles?locale=ar&pagination[pageSize]=5');
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(requestLines()).toEqual([
      expect.stringMatching(new RegExp(`^http: GET /api/articles\\?locale=ar&pagination\\[pageSize\\]=5 200 [0-9.]+ ms id=${first.headers['x-request-id']} cache=HIT$`)),
      expect.stringMatching(new RegExp(`id=${second.headers['x-request-id']} cache=HIT$`)),
    ]);
  });

  it('prints an Arabic slug readably, and a 404 with its status', async () => {
    const sent = `/api/articles/slug/${encodeURIComponent(slug)}?locale=ar`;
    expect((await app.http().get(sent)).status).toBe(200);
    expect((await app.http().get(`/api/articles/slug/${encodeURIComponent('ليس-موجودا')}`)).status).toBe(404);
    const [ok, missing] = requestLines();
    expect(ok).toMatch(new RegExp(`^http: GET /api/articles/slug/${slug}\\?locale=ar 200 `));
    expect(missing).toMatch(/^http: GET \/api\/articles\/slug\/ليس-موجودا 404 /);
  });

  it('keeps the request id a proxy in front sent, and refuses one that could forge a line', async () => {
    const kept = await app.http().get('/api/sections').set('X-Request-Id', 'nginx-4f1c9d0e8a7b6c5d');
    expect(kept.headers['x-request-id']).toBe('nginx-4f1c9d0e8a7b6c5d');
    const refused = await app.http().get('/api/sections').set('X-Request-Id', 'x id=forged cache=HIT');
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
    expect(requestLines()).toEqual([
      expect.stringMatching(/^http: GET \/api\/sections 200 [0-9.]+ ms id=nginx-4f1c9d0e8a7b6c5d cache=MISS$/),
      expect.stringMatching(new RegExp(`^http: GET /api/sections 200 [0-9.]+ ms id=${refused.headers['x-request-id']} cache=HIT$`)),
    ]);
  });

  it('logs writes and errors answered before the router (a POST with a bad token → 401)', async () => {
    const res = await app.http().post('/api/articles').set('Authorization', 'Basic abc').send({ data: {} });
    expect(res.status).toBe(401);
    expect(requestLines()).toEqual([expect.stringMatching(/^http: POST \/api\/articles 401 [0-9.]+ ms id=[0-9a-f]{16}$/)]);
  });

  it('formats nothing when LOG_LEVEL is above http', async () => {
    app.strapi.log.level = 'warn';
    try {
      expect((await app.http().get('/api/sections')).status).toBe(200);
    } finally {
      app.strapi.log.level = 'http';
    }
    expect(requestLines()).toEqual([]);
  });
});
