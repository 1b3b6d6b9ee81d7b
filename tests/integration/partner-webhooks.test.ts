import path from 'node:path';
import { appDir, isPostgres, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { adminUser, CM_ARTICLES, type AdminSession } from '../helpers/admin';
import { startReceiver, until } from '../helpers/webhook-receiver';

/**
 * Partner webhooks from the durable outbox (README, "Partner webhooks"):
 * events written in the write's transaction, signed per Standard Webhooks and
 * verified by a receiver, retried with backoff, dead-lettered, visible and
 * resendable in the admin API, and each attempt owned by one dispatcher.
 */
const ARTICLE = 'api::article.article';
const ENDPOINT = 'api::partner-endpoint.partner-endpoint';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let app: TestApp;
let f: Fixtures;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let sectionId: string;
let chief: AdminSession;
let editor: AdminSession;

const events = (p: string) => receiver.received.filter((r) => r.path === p);
const count = async (table: string) => Number((await app.strapi.db.connection(table).count({ n: '*' }))[0].n);
const endpoint = (data: Record<string, unknown>) => app.strapi.documents(ENDPOINT).create({ data } as any) as Promise<any>;
/** Disables every endpoint so far (the next one created is the only subscriber). */
const onlyEndpoint = async () => {
  for (const e of await app.strapi.db.query(ENDPOINT).findMany({ select: ['documentId'] })) {
    await app.strapi.documents(ENDPOINT).update({ documentId: e.documentId, data: { enabled: false } } as any);
  }
};

beforeAll(async () => {
  receiver = await startReceiver();
  app = await startStrapi({
    CRON_ENABLED: 'false',
    WEBHOOK_DISPATCH_ENABLED: 'true',
    WEBHOOK_DISPATCH_INTERVAL_MS: '100',
    WEBHOOK_RETRY_BASE_SECONDS: '0.2',
    WEBHOOK_RETRY_HOURS: String(3 / 3600), // dead after ~3 s of failures
    WEBHOOK_TIMEOUT_MS: '2000',
  });
  f = await Fixtures.create(app);
  sectionId = (await f.section('اقتصاد')).documentId;
  chief = await adminUser(app, 'newsroom-editor-in-chief');
  editor = await adminUser(app, 'newsroom-editor');
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

describe('endpoints', () => {
  it('an endpoint gets a Standard Webhooks secret when none is given; bad URLs and event types are 400s naming the field', async () => {
    const e = await endpoint({ name: 'Gulf Aggregator', url: receiver.url('/generated') });
    const row = await app.strapi.db.query(ENDPOINT).findOne({ where: { documentId: e.documentId } });
    expect(row.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    await expect(endpoint({ name: 'x', url: 'javascript:alert(1)' })).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ path: ['url'] })] } });
    await expect(endpoint({ name: 'x', url: receiver.url('/x'), events: ['article.exploded'] })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['events'] })] },
    });
    await expect(endpoint({ name: 'x', url: receiver.url('/x'), secret: 'hunter2' })).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ path: ['secret'] })] } });
    await app.strapi.documents(ENDPOINT).update({ documentId: e.documentId, data: { enabled: false } } as any);
    // Not a content-API type: no public route exists.
    expect((await app.http().get('/api/partner-endpoints')).status).toBe(404);
    const gql = await app.http().post('/graphql').set(f.auth).send({ query: '{ partnerEndpoints { name url } }' });
    expect(gql.body.data).toBeUndefined();
    expect(gql.body.errors[0].message).toMatch(/partnerEndpoints/);
  });
});

describe('delivery', () => {
  let all: any;
  beforeAll(async () => {
    receiver.secrets['/all'] = SECRET;
    receiver.secrets['/en-sport'] = SECRET;
    all = await endpoint({ name: 'All', url: receiver.url('/all'), secret: SECRET });
    await endpoint({ name: 'English sport', url: receiver.url('/en-sport'), secret: SECRET, locales: ['en'], sections: ['sport'] });
  });

  it('publish, correction, kill: signed events in order, verified by the receiver, no body, the headline only while live', async () => {
    const a = await f.article({ title: 'البنك المركزي يرفع الفائدة', body: [paragraph('نص المادة الكامل')], section: sectionId });
    await until(() => events('/all').length >= 1, 10_000, 'published event');
    await f.put('articles', a.documentId, { corrections: [{ date: '2030-01-01T00:00:00.000Z', note: 'النسبة 0.25 لا 0.5' }] }, { locale: 'ar' });
    await until(() => events('/all').length >= 2, 10_000, 'corrected event');
    const unpublish = await app.http().post(`${CM_ARTICLES}/${a.documentId}/actions/unpublish`).query({ locale: 'ar' }).set(chief.auth)
      .send({ takedown: { kind: 'kill', reason: 'خطأ جوهري' } });
    expect(unpublish.status).toBe(200);
    await until(() => events('/all').length >= 3, 10_000, 'killed event');

    const got = events('/all');
    expect(got.every((r) => r.verified !== null)).toBe(true);
    expect(got.map((r) => r.verified!.type)).toEqual(['article.published', 'article.corrected', 'article.killed']);
    for (const r of got) {
      expect(r.verified!.id).toBe(r.id); // webhook-id is the event id (idempotency key)
      expect(Math.abs(Number(r.timestamp) - Date.now() / 1000)).toBeLessThan(60);
      expect(r.body).not.toContain('نص المادة الكامل');
    }
    const [published, corrected, killed] = got.map((r) => r.verified!.data);
    expect(published).toMatchObject({ documentId: a.documentId, locale: 'ar', version: 1, pubstatus: 'usable', headline: 'البنك المركزي يرفع الفائدة' });
    expect(published.uri).toMatch(/^urn:uuid:/);
    expect(corrected).toMatchObject({ uri: published.uri, version: 2, pubstatus: 'usable' });
    expect(killed).toMatchObject({ uri: published.uri, version: 3, pubstatus: 'canceled', reason: 'خطأ جوهري', url: published.url });
    expect(killed.headline).toBeUndefined();
    // A tampered body does not verify with the same headers.
    const { Webhook } = await import('standardwebhooks');
    expect(() => new Webhook(SECRET).verify(got[0].body.replace('usable', 'canceled'), { 'webhook-id': got[0].id, 'webhook-timestamp': got[0].timestamp, 'webhook-signature': got[0].signature })).toThrow();
    // The subscription filtered by locale and section got none of it; the disabled endpoint neither.
    expect(events('/en-sport')).toEqual([]);
    expect(events('/generated')).toEqual([]);
    const delivered = await app.strapi.db.connection('webhook_deliveries').where({ endpoint_id: all.documentId, status: 'delivered' });
    expect(delivered).toHaveLength(3);
  });

  it('a draft save writes no event; a failed write leaves no event and no delivery', async () => {
    const a = await f.article({ title: 'مسودة فقط', section: sectionId }, { draft: true });
    const before = { outbox: await count('webhook_outbox'), deliveries: await count('webhook_deliveries') };
    await f.put('articles', a.documentId, { excerpt: 'تعديل' }, { locale: 'ar', status: 'draft' });
    // Refused publish (no section): 400, nothing written.
    const refused = await app.http().post('/api/articles').set(f.auth).send({ data: { title: 'بلا قسم' } });
    expect(refused.status).toBe(400);
    // A publish inside a transaction that then fails: rolled back with it.
    await expect(
      app.strapi.db.transaction(async () => {
        await app.strapi.documents(ARTICLE).publish({ documentId: a.documentId, locale: 'ar' });
        throw new Error('boom after publish');
      }),
    ).rejects.toThrow('boom after publish');
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId: a.documentId, publishedAt: { $notNull: true } } })).toBe(0);
    expect({ outbox: await count('webhook_outbox'), deliveries: await count('webhook_deliveries') }).toEqual(before);
  });

  it('retries after failures with backoff, the same event id each time, until a 2xx', async () => {
    receiver.secrets['/flaky'] = SECRET;
    const flaky = await endpoint({ name: 'Flaky', url: receiver.url('/flaky'), secret: SECRET });
    receiver.onRequest((r, nth) => (r.path === '/flaky' && nth <= 2 ? 503 : 204));
    try {
      await f.article({ title: 'خبر يصل بعد محاولتين', section: sectionId });
      await until(async () => (await app.strapi.db.connection('webhook_deliveries').where({ endpoint_id: flaky.documentId, status: 'delivered' })).length === 1, 15_000, 'flaky delivery');
    } finally {
      receiver.onRequest(() => 204);
    }
    const attempts = events('/flaky');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((r) => r.id)).size).toBe(1);
    const [row] = await app.strapi.db.connection('webhook_deliveries').where({ endpoint_id: flaky.documentId });
    expect(Number(row.attempts)).toBe(3);
    expect(Number(row.last_status)).toBe(204);
  });

  it('dead letters after the retry window; editors-in-chief see them and resend, editors cannot', async () => {
    const down = await endpoint({ name: 'Down', url: 'http://127.0.0.1:9/hook', secret: SECRET });
    await f.article({ title: 'خبر لا يصل', section: sectionId });
    await until(async () => (await app.strapi.db.connection('webhook_deliveries').where({ endpoint_id: down.documentId, status: 'dead' })).length === 1, 20_000, 'dead letter');

    const list = await app.http().get('/partner-webhooks/deliveries').query({ status: 'dead', endpoint: down.documentId }).set(chief.auth);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([expect.objectContaining({ endpointId: down.documentId, status: 'dead', eventType: 'article.published' })]);
    expect(list.body.data[0].attempts).toBeGreaterThan(1);
    expect(list.body.data[0].lastError).toBeTruthy();
    expect((await app.http().get('/partner-webhooks/deliveries').set(editor.auth)).status).toBe(403);
    expect((await app.http().get('/partner-webhooks/deliveries')).status).toBe(401);
    const bad = await app.http().get('/partner-webhooks/deliveries').query({ status: 'lost' }).set(chief.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['status']);

    // Resend: the endpoint is back up now.
    await app.strapi.documents(ENDPOINT).update({ documentId: down.documentId, data: { url: receiver.url('/back') } } as any);
    receiver.secrets['/back'] = SECRET;
    const resend = await app.http().post(`/partner-webhooks/deliveries/${list.body.data[0].id}/resend`).set(chief.auth);
    expect(resend.status).toBe(200);
    await until(() => events('/back').length === 1, 10_000, 'resent delivery');
    expect(events('/back')[0].verified?.type).toBe('article.published');
    expect((await app.http().post('/partner-webhooks/deliveries/999999/resend').set(chief.auth)).status).toBe(404);
    expect((await app.http().post(`/partner-webhooks/deliveries/${list.body.data[0].id}/resend`).set(editor.auth)).status).toBe(403);
  });

  it('two dispatchers on one database: each delivery attempted exactly once', async () => {
    receiver.secrets['/race'] = SECRET;
    await onlyEndpoint();
    const race = await endpoint({ name: 'Race', url: receiver.url('/race'), secret: SECRET, enabled: true });
    const outbox = app.strapi.service('api::partner-endpoint.outbox') as any;
    await outbox.stop(); // only the two dispatchers below run
    // A loaded test machine may answer slowly: this test is about ownership, not the retry window.
    app.strapi.config.set('syndication.webhooks.retry.giveUpAfterSeconds', 3600);
    app.strapi.config.set('syndication.webhooks.timeoutMs', 15_000);
    app.strapi.config.set('syndication.webhooks.batch', 2); // small claims, so both dispatchers get some
    // A second dispatcher with its own node id, as another node would have.
    const factory = require(path.join(appDir, 'dist/src/api/partner-endpoint/services/outbox')).default;
    const [one, two] = [factory({ strapi: app.strapi }), factory({ strapi: app.strapi })];
    receiver.onRequest(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return 204;
    });
    try {
      const docs = [];
      for (let i = 0; i < 12; i++) docs.push(await f.article({ title: `سباق ${i}`, section: sectionId }));
      const pending = async () => (await app.strapi.db.connection('webhook_deliveries').where({ endpoint_id: race.documentId, status: 'pending' })).length;
      // A pass that found nothing due waits a little, as the interval would (and lets I/O run on SQLite).
      const deadline = Date.now() + 30_000;
      const loop = async (d: any) => {
        while ((await pending()) > 0 && Date.now() < deadline) if (!(await d.dispatchOnce())) await new Promise((r) => setTimeout(r, 10));
      };
      await Promise.all([loop(one), loop(two)]);
    } finally {
      receiver.onRequest(() => 204);
    }
    const rows = await app.strapi.db.connection('webhook_deliveries').where({ endpoint_id: race.documentId });
    expect(rows.map((r: any) => [r.status, r.last_error])).toEqual(rows.map(() => ['delivered', null]));
    const got = events('/race');
    expect(got).toHaveLength(12);
    expect(new Set(got.map((r) => r.id)).size).toBe(12);
    expect(rows.every((r: any) => Number(r.attempts) === 1)).toBe(true);
    expect(new Set(rows.map((r: any) => r.claimed_by)).size).toBe(2); // both took part
  });
});

if (isPostgres) {
  describe('across two app processes (PostgreSQL)', () => {
    it('events written while no dispatcher ran are delivered once each by two nodes started later', async () => {
      const { startSecondNode } = await import('../helpers/strapi');
      receiver.secrets['/nodes'] = SECRET;
      await onlyEndpoint();
      const nodes = await endpoint({ name: 'Nodes', url: receiver.url('/nodes'), secret: SECRET });
      // No dispatcher: this process's loop is stopped (previous test); the events wait in the table.
      for (let i = 0; i < 30; i++) await f.article({ title: `عقدتان ${i}`, section: sectionId });
      await app.strapi.db.connection('webhook_deliveries').where({ endpoint_id: nodes.documentId }).update({ next_attempt_ms: Date.now() + 60_000 });
      receiver.onRequest(async () => {
        await new Promise((r) => setTimeout(r, 30));
        return 204;
      });
      const env = { WEBHOOK_DISPATCH_INTERVAL_MS: '20', WEBHOOK_BATCH: '2', WEBHOOK_RETRY_HOURS: '1', WEBHOOK_TIMEOUT_MS: '15000', CRON_ENABLED: 'false', LOG_LEVEL: 'error' };
      const started = await Promise.all([startSecondNode(env), startSecondNode(env)]);
      try {
        await app.strapi.db.connection('webhook_deliveries').where({ endpoint_id: nodes.documentId }).update({ next_attempt_ms: Date.now() });
        await until(async () => (await app.strapi.db.connection('webhook_deliveries').where({ endpoint_id: nodes.documentId, status: 'delivered' })).length === 30, 30_000, 'both nodes');
        await new Promise((r) => setTimeout(r, 300)); // nothing more arrives
      } finally {
        receiver.onRequest(() => 204);
        await Promise.all(started.map((n) => n.stop()));
      }
      const got = events('/nodes');
      expect(got).toHaveLength(30);
      expect(new Set(got.map((r) => r.id)).size).toBe(30);
      const rows = await app.strapi.db.connection('webhook_deliveries').where({ endpoint_id: nodes.documentId });
      expect(rows.every((r: any) => Number(r.attempts) === 1)).toBe(true);
      expect(new Set(rows.map((r: any) => r.claimed_by)).size).toBe(2);
    }, 120_000);
  });
}
