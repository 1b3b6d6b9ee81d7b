/**
 * Bad days, injected: two `strapi start` nodes behind nginx on a private
 * PostgreSQL and a private Redis (tests/faults/services.ts), through the
 * cluster script's code (scripts/lib/cluster.ts). Each test prints what it measured.
 *
 * - Redis stopped: a takedown on node A is gone on node B within 5 s (the
 *   eviction log in PostgreSQL), writes keep working, and after Redis is back
 *   everything converges at once again.
 * - PostgreSQL restarted under reads and writes: no 5xx but 503s, no hang, the
 *   app recovers within 5 s of the database being back, cached reads are
 *   served meanwhile, and every write acknowledged with a 2xx is in the database.
 * - A rolling restart (SIGTERM, drain) of each node under load: no request fails.
 */
import http from 'node:http';
import path from 'node:path';
import { Client } from 'pg';
import { startCluster, type Cluster } from '../../scripts/lib/cluster';
import { startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from './services';

const ADMIN = { email: 'faults@khaleeji247.example', password: 'Faults-Test-2026', firstname: 'Fault', lastname: 'Test' };
const CM = '/content-manager/collection-types/api::article.article';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[faults] ${line}`);

let pg: PrivatePostgres;
let redis: PrivateRedis;
let cluster: Cluster;
let token: string;
let adminJwt: string;
let sectionId: string;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Answer {
  status: number;
  body: any;
  headers: Record<string, string>;
  ms: number;
}

/** One request with a 10 s ceiling: a hang is a failure, not a wait. Status 0: the connection failed. */
function call(base: string, method: string, path: string, { body, auth }: { body?: unknown; auth?: string } = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      `${base}${path}`,
      {
        method,
        agent,
        timeout: 10_000,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers as Record<string, string>, ms: performance.now() - started });
        });
        res.on('error', () => resolve({ status: 0, body: null, headers: {}, ms: performance.now() - started }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: err.message === 'timeout' ? -1 : 0, body: String(err), headers: {}, ms: performance.now() - started }));
    if (payload) req.write(payload);
    req.end();
  });
}

const db = () => new Client({ host: '127.0.0.1', port: pg.port, user: 'postgres', database: cluster.database });

async function publish(title: string): Promise<string> {
  const res = await call(cluster.url, 'POST', '/api/articles?locale=ar', { auth: token, body: { data: { title, section: sectionId } } });
  if (res.status !== 201 && res.status !== 200) throw new Error(`publish → ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.data.documentId;
}

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
  process.env.DATABASE_PORT = String(pg.port);
  cluster = await startCluster({
    nodes: 2,
    database: 'newsroom_faults',
    redisUrl: redis.url,
    log,
    dir: path.join(__dirname, '..', '..', '.tmp', 'cluster-faults'),
    env: { DATABASE_PORT: String(pg.port), RATE_LIMIT_ENABLED: 'false', SHUTDOWN_TIMEOUT_MS: '8000', CACHE_SYNC_INTERVAL_MS: '1000' },
  });
  const registered = await call(cluster.url, 'POST', '/admin/register-admin', { body: ADMIN });
  if (registered.status !== 200 && registered.status !== 201) throw new Error(`register-admin → ${registered.status}: ${JSON.stringify(registered.body)}`);
  adminJwt = registered.body.data.token;
  const created = await call(cluster.url, 'POST', '/admin/api-tokens', { auth: adminJwt, body: { name: 'faults', type: 'full-access', lifespan: null, description: '' } });
  token = created.body.data.accessKey;
  const section = await call(cluster.url, 'POST', '/api/sections?locale=ar', { auth: token, body: { data: { name: 'أخبار' } } });
  sectionId = section.body.data.documentId;
}, 300_000);

afterAll(async () => {
  await cluster?.stop();
  agent.destroy();
  await redis?.stop();
  pg?.drop();
}, 120_000);

describe('Redis outage', () => {
  it('a takedown on node A is gone on node B within 5 s while Redis is down; after Redis returns, a publish is seen at once', async () => {
    const [a, b] = cluster.nodes;
    const id = await publish('خبر سيسحب أثناء انقطاع ريديس');
    const page = `/api/articles/${id}`;
    expect((await call(b.url, 'GET', page)).status).toBe(200);
    expect((await call(b.url, 'GET', page)).headers['x-cache']).toBe('HIT');

    await redis.stop();
    const takedown = await call(a.url, 'POST', `${CM}/${id}/actions/unpublish?locale=ar`, { auth: adminJwt, body: {} });
    expect(takedown.status).toBe(200);
    const t0 = performance.now();
    let goneAfter = -1;
    while (performance.now() - t0 < 10_000) {
      const res = await call(b.url, 'GET', page);
      if (res.status === 404) {
        goneAfter = performance.now() - t0;
        break;
      }
      await sleep(50);
    }
    log(`Redis down: takedown on A gone on B after ${goneAfter.toFixed(0)} ms (unpublish took ${takedown.ms.toFixed(0)} ms)`);
    expect(goneAfter).toBeGreaterThanOrEqual(0);
    expect(goneAfter).toBeLessThanOrEqual(5_000);
    // Writes keep working without Redis.
    const during = await publish('خبر نشر والريديس متوقف');
    expect(during).toEqual(expect.any(String));

    await redis.start();
    await sleep(1_500); // ioredis reconnects (retry back-off)
    await call(b.url, 'GET', '/api/articles');
    const after = await publish('خبر بعد عودة ريديس');
    const seen = await call(b.url, 'GET', '/api/articles');
    expect(seen.body.data.map((x: any) => x.documentId)).toEqual(expect.arrayContaining([after, during]));
    expect(seen.body.data.map((x: any) => x.documentId)).not.toContain(id);
    log('Redis back: a publish on A was in B\'s list on the next request');
  });
});

describe('PostgreSQL drops connections', () => {
  it('connections the server terminates under writes (new ones too, while being prepared) cost requests, never a node', async () => {
    const pids = cluster.nodes.map((node) => node.pid);
    const admin = new Client({ host: '127.0.0.1', port: pg.port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    const statuses = new Map<number, number>();
    let running = true;
    const writer = async (i: number) => {
      for (let n = 0; running; n++) {
        const res = await call(cluster.url, 'POST', '/api/articles?locale=ar', { auth: token, body: { data: { title: `خبر والاتصالات تقطع ${i}-${n}`, section: sectionId } } });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    const load = [0, 1, 2, 3].map(writer);
    let kills = 0;
    try {
      for (const until = performance.now() + 4_000; performance.now() < until; ) {
        const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [cluster.database]);
        kills += rowCount ?? 0;
        await sleep(100 + Math.random() * 150);
      }
    } finally {
      running = false;
      await Promise.all(load);
      await admin.end();
    }
    log(`terminated ${kills} connections under writes: statuses ${[...statuses.entries()].sort().map(([s, c]) => `${s}×${c}`).join(' ')}`);
    expect(kills).toBeGreaterThan(10);
    expect(cluster.nodes.map((node) => node.pid)).toEqual(pids); // nobody restarted a node that exited
    for (const pid of pids) expect(() => process.kill(pid, 0)).not.toThrow();
    // Never a 5xx but 503. Tolerated here and printed (docs/operations.md, known issues): a 400 — a write whose
    // connection is cut inside Strapi's own relation lookup can come back as "unknown section" (1 of 92 and 6 of 61
    // cut writes in two runs) — and, now that a node survives the cut statements' orphaned rejections, a write left
    // unanswered until the client's 10 s timeout (-1: 2 of 61 in one run), at most one write in ten.
    for (const status of statuses.keys()) expect([status, [-1, 200, 201, 400, 503].includes(status)]).toEqual([status, true]);
    const writes = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect((statuses.get(-1) ?? 0) * 10).toBeLessThanOrEqual(writes);
    // and the pool recovers: the next write goes through
    expect(await publish('خبر بعد قطع الاتصالات')).toEqual(expect.any(String));
  });
});

describe('PostgreSQL restart', () => {
  it('under reads and writes: 503s, never a 500 or a hang; recovery within 5 s; every acknowledged write is stored', async () => {
    const cachedUrl = '/api/articles?pagination[pageSize]=5';
    await call(cluster.url, 'GET', cachedUrl);
    await call(cluster.url, 'GET', cachedUrl);
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    let reads = 0;
    let cachedDuringOutage = 0;
    let outage = false;
    let running = true;
    let lastFailure = 0;
    let n = 0;
    const writer = async () => {
      while (running) {
        const title = `خبر تحت الحمل ${n++}`;
        const res = await call(cluster.url, 'POST', '/api/articles?locale=ar', { auth: token, body: { data: { title, section: sectionId } } });
        count(res.status);
        if (res.status === 200 || res.status === 201) acknowledged.push(title);
        else lastFailure = performance.now();
        await sleep(50);
      }
    };
    const reader = async () => {
      while (running) {
        const res = await call(cluster.url, 'GET', cachedUrl);
        reads++;
        count(res.status);
        if (outage && res.status === 200) cachedDuringOutage++;
      }
    };
    const load = [writer(), writer(), reader(), reader()];
    await sleep(1_500);
    outage = true;
    const t = performance.now();
    await pg.restart();
    const back = performance.now();
    outage = false;
    log(`pg_ctlcluster restart took ${(back - t).toFixed(0)} ms`);
    // Recovery: the first write acknowledged after the database is back.
    const before = acknowledged.length;
    while (acknowledged.length === before && performance.now() - back < 15_000) await sleep(20);
    const recoveredMs = performance.now() - back;
    await sleep(1_000);
    running = false;
    await Promise.all(load);

    const summary = [...statuses.entries()].sort().map(([s, c]) => `${s}×${c}`).join(' ');
    log(`statuses: ${summary}; ${acknowledged.length} writes acknowledged; ${cachedDuringOutage} cached reads during the restart; first write ${recoveredMs.toFixed(0)} ms after the database was back; last failure ${lastFailure ? (lastFailure - back).toFixed(0) : '—'} ms after`);
    for (const status of statuses.keys()) expect([status, [200, 201, 503].includes(status)]).toEqual([status, true]);
    expect(recoveredMs).toBeLessThanOrEqual(5_000);
    expect(reads).toBeGreaterThan(0);

    const client = db();
    await client.connect();
    try {
      const { rows } = await client.query("SELECT DISTINCT title FROM articles WHERE title LIKE 'خبر تحت الحمل %' AND published_at IS NOT NULL");
      const stored = new Set(rows.map((r) => r.title));
      const lost = acknowledged.filter((title) => !stored.has(title));
      log(`${acknowledged.length} acknowledged, ${stored.size} published in the database, ${lost.length} lost`);
      expect(lost).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

describe('rolling restart', () => {
  it('SIGTERM drains: restarting each node in turn under load fails no request', async () => {
    let running = true;
    const failures: string[] = [];
    let ok = 0;
    const worker = async (i: number) => {
      while (running) {
        const write = i === 0;
        const res = write
          ? await call(cluster.url, 'POST', '/api/articles?locale=ar', { auth: token, body: { data: { title: `خبر أثناء إعادة التشغيل ${ok}`, section: sectionId } } })
          : await call(cluster.url, 'GET', i % 2 ? '/api/articles' : `/api/articles?pagination[page]=${1 + (ok % 3)}`);
        if (res.status >= 200 && res.status < 300) ok++;
        else failures.push(`${write ? 'POST' : 'GET'} → ${res.status} ${typeof res.body === 'string' ? res.body.slice(0, 80) : ''}`);
        if (write) await sleep(100);
      }
    };
    const load = Array.from({ length: 8 }, (_, i) => worker(i));
    for (const node of cluster.nodes) {
      const t = performance.now();
      await node.restart();
      log(`node ${node.name} restarted (drain + boot) in ${(performance.now() - t).toFixed(0)} ms`);
      // As docs/operations.md says: the next node only once nginx sends to this one again (its fail_timeout, 5 s).
      await sleep(6_000);
    }
    await sleep(1_000);
    running = false;
    await Promise.all(load);
    log(`rolling restart: ${ok} requests answered, ${failures.length} failed${failures.length ? `: ${failures.slice(0, 5).join('; ')}` : ''}`);
    expect(ok).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
