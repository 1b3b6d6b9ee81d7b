import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type HubMode = 'ok' | 'fail' | 'hang';

export interface HubPing {
  mode: string | null;
  topic: string | null;
  /** Set when the publisher gave up on the request (timeout) before we answered. */
  aborted: boolean;
}

/** A WebSub hub stand-in on 127.0.0.1 that records publish pings; answers 204, 500, or never. */
export async function startHubStub() {
  let mode: HubMode = 'ok';
  const pings: HubPing[] = [];
  const waiters: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      const ping: HubPing = { mode: params.get('hub.mode'), topic: params.get('hub.url'), aborted: false };
      pings.push(ping);
      waiters.splice(0).forEach((w) => w());
      res.on('close', () => {
        if (!res.writableEnded) ping.aborted = true;
      });
      if (mode === 'ok') res.writeHead(204).end();
      else if (mode === 'fail') res.writeHead(500).end('hub down');
      // 'hang': never answer
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hub`,
    pings,
    setMode: (m: HubMode) => (mode = m),
    reset: () => pings.splice(0),
    /** Resolves once at least `n` pings have arrived. */
    async waitFor(n: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (pings.length < n) {
        if (Date.now() > deadline) throw new Error(`hub got ${pings.length} pings, expected ${n}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
