/**
 * npm run bench:live [-- --listeners 5000]: the live-stream fan-out of
 * src/infra/live.ts measured over real sockets on 127.0.0.1. N SSE clients
 * connect to one coverage of a server that streams like /api/live/:id/stream
 * (a PassThrough per response, subscribed to the hub); it reports the server's
 * memory per idle connection and how long one event takes to reach every
 * client. The clients live in a child process, so the server's heap and RSS
 * are its own. Not the whole app: routing, auth and the database are the same
 * for one listener or 5,000 and are left out.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { createLiveHub } from '../../src/infra/live';
import type { RedisConnection } from '../../src/infra/redis';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function client(): Promise<void> {
  const [url, count] = [process.env.LIVE_URL!, Number(process.env.LIVE_LISTENERS)];
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let open = 0;
  let received = 0;
  for (let i = 0; i < count; i++) {
    http.get(url, { agent }, (res) => {
      open++;
      if (open === count) process.send!({ open });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (chunk.includes('event: entry')) {
          received++;
          if (received === count) process.send!({ received: Date.now() });
        }
      });
    });
    if (i % 500 === 499) await new Promise((r) => setTimeout(r, 20));
  }
}

async function server(): Promise<void> {
  const listeners = arg('listeners', 5000);
  const redis: RedisConnection = { client: null, subscribe: () => {}, close: async () => {} };
  const hub = createLiveHub(() => { throw new Error('no database in this benchmark'); }, redis, { syncIntervalMs: 0, heartbeatSeconds: 25, maxListeners: listeners + 1 }, console);
  const srv = http.createServer((req, res) => {
    const stream = new PassThrough();
    const unsubscribe = hub.subscribe('coverage', 'ar', { write: (t) => stream.write(t), end: () => stream.end() });
    req.on('close', () => unsubscribe?.());
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
    stream.write('retry: 3000\n\n');
    stream.pipe(res);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`;
  global.gc?.();
  const before = process.memoryUsage();
  const child = fork(__filename, ['--client'], { env: { ...process.env, LIVE_URL: url, LIVE_LISTENERS: String(listeners) }, execArgv: ['-r', 'tsx/cjs'] });
  const message = <T>(key: string) => new Promise<T>((resolve) => child.on('message', (m: Record<string, T>) => key in m && resolve(m[key])));
  const connected = Date.now();
  await message('open');
  const connectMs = Date.now() - connected;
  await new Promise((r) => setTimeout(r, 500));
  global.gc?.();
  const after = process.memoryUsage();
  const payload = JSON.stringify({ documentId: 'x'.repeat(24), title: 'عاجل: اتفاق في القمة', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'نص '.repeat(60) }] }] });
  const received = message<number>('received');
  const t0 = Date.now();
  await hub.announce([{ id: 1, coverage: 'coverage', locale: 'ar', entry: 'x', kind: 'entry', payload }]);
  const writtenMs = Date.now() - t0;
  const allMs = (await received) - t0;
  const perConn = (a: number, b: number) => ((a - b) / listeners / 1024).toFixed(1);
  console.log(
    JSON.stringify(
      {
        listeners: hub.listenerCount(),
        connectAllMs: connectMs,
        serverRssPerConnectionKiB: perConn(after.rss, before.rss),
        serverHeapPerConnectionKiB: perConn(after.heapUsed, before.heapUsed),
        eventBytes: payload.length,
        fanOutWriteMs: writtenMs,
        fanOutAllReceivedMs: allMs,
      },
      null,
      2,
    ),
  );
  child.kill();
  hub.close();
  srv.close();
  process.exit(0);
}

void (process.argv.includes('--client') ? client() : server());
