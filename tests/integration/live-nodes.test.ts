/**
 * Live streams across two app processes on one database: an entry posted on
 * node A reaches an SSE client connected to node B within a second — over
 * Redis pub/sub, and with no Redis at all through the live_events log that
 * every node polls.
 */
import { startSecondNode, startStrapi, type TestApp } from '../helpers/strapi';
import { Fixtures, paragraph } from '../helpers/fixtures';
import { openSse, originOf, type SseClient } from '../helpers/sse';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each([
  ['Redis pub/sub', { REDIS_URL, LIVE_SYNC_INTERVAL_MS: '0' }],
  ['the event log, without Redis', { REDIS_URL: '', LIVE_SYNC_INTERVAL_MS: '250' }],
])('two nodes through %s', (_name, env) => {
  let app: TestApp;
  let f: Fixtures;
  let nodeB: { url: string; stop: () => Promise<void> };
  let originA: string;
  let coverageId: string;
  const streams: SseClient[] = [];
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    for (const k of Object.keys(env)) saved[k] = process.env[k];
    app = await startStrapi({ CRON_ENABLED: 'false', ...env });
    f = await Fixtures.create(app);
    originA = await originOf(app.strapi.server.httpServer);
    const section = await f.section('رياضة');
    coverageId = (await f.article({ title: `كأس الخليج مباشر ${Math.random()}`, section: section.documentId, isLive: true })).documentId;
    nodeB = await startSecondNode({ CRON_ENABLED: 'false', ...env });
  }, 300_000); // two boots on a fresh database; slow when the machine is shared
  afterAll(async () => {
    for (const s of streams) s.close();
    await nodeB?.stop();
    await app?.stop();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const open = async (origin: string, headers: Record<string, string> = {}) => {
    const s = await openSse(`${origin}/api/live/${coverageId}/stream`, headers);
    streams.push(s);
    expect(s.status).toBe(200);
    return s;
  };

  it('an entry posted on node A reaches a client of node B within 1 s, and a deletion too', async () => {
    const onB = await open(nodeB.url);
    const onA = await open(originA);
    await new Promise((r) => setTimeout(r, 300)); // node B's subscription / first poll
    const t0 = Date.now();
    const posted = await f.post('live-entries', { coverage: coverageId, body: [paragraph('هدف في الدقيقة 90')] }, { locale: 'ar' });
    const committed = Date.now(); // the POST answers once the entry is committed and announced
    const seen = await onB.waitFor((e) => e.event === 'entry' && JSON.parse(e.data).documentId === posted.documentId, 3000);
    const arrived = Date.now();
    console.log(`[live] ${_name}: POST took ${committed - t0} ms; on node B ${arrived - committed} ms after the response`);
    expect(arrived - committed).toBeLessThan(1000);
    await onA.waitFor((e) => e.event === 'entry');

    const del = await app.http().delete(`/api/live-entries/${posted.documentId}`).query({ locale: 'ar' }).set(f.auth);
    expect(del.status).toBeLessThan(300);
    const gone = await onB.waitFor((e) => e.event === 'delete', 3000);
    expect(JSON.parse(gone.data).documentId).toBe(posted.documentId);
    expect(Number(gone.id)).toBeGreaterThan(Number(seen.id));
    await onA.waitFor((e) => e.event === 'delete', 3000);
    // Each event once per client, on both nodes.
    expect(onB.events.map((e) => e.event)).toEqual(['entry', 'delete']);
    expect(onA.events.map((e) => e.event)).toEqual(['entry', 'delete']);
  });

  it('a client that reconnects to the other node with Last-Event-ID loses nothing', async () => {
    const first = await open(originA);
    const a = await f.post('live-entries', { coverage: coverageId, body: [paragraph('قبل الانقطاع')] }, { locale: 'ar' });
    const last = await first.waitFor((e) => JSON.parse(e.data).documentId === a.documentId);
    first.close();
    const missed = await f.post('live-entries', { coverage: coverageId, body: [paragraph('أثناء الانقطاع')] }, { locale: 'ar' });
    const resumed = await open(nodeB.url, { 'Last-Event-ID': String(last.id) });
    const got = await resumed.waitFor((e) => JSON.parse(e.data).documentId === missed.documentId, 3000);
    expect(got.event).toBe('entry');
    expect(resumed.events.map((e) => JSON.parse(e.data).documentId)).toEqual([missed.documentId]);
  });
});
