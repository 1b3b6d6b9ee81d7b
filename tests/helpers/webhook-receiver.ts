import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The payload if the signature verified with the endpoint's secret, else null. */
  verified: { id: string; type: string; timestamp: string; data: Record<string, any> } | null;
  path: string;
}

/**
 * A partner's webhook receiver for tests: verifies each request with the
 * Standard Webhooks library against the endpoint secret and records it.
 * `respond` decides the status (e.g. fail the first attempts).
 */
export async function startReceiver(secrets: Record<string, string> = {}) {
  const received: Received[] = [];
  let respond: (r: Received, nth: number) => number | Promise<number> = () => 204;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const headers = { 'webhook-id': String(req.headers['webhook-id'] ?? ''), 'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''), 'webhook-signature': String(req.headers['webhook-signature'] ?? '') };
      const path = req.url ?? '/';
      const secret = secrets[path];
      let verified: Received['verified'] = null;
      try {
        verified = secret ? (new Webhook(secret).verify(body, headers) as Received['verified']) : null;
      } catch {
        verified = null;
      }
      const r: Received = { id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], signature: headers['webhook-signature'], body, verified, path };
      received.push(r);
      const nth = received.filter((x) => x.id === r.id && x.path === r.path).length;
      res.statusCode = await respond(r, nth);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    secrets,
    onRequest(fn: typeof respond) {
      respond = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `check` is true (or throws after `ms`). */
export async function until(check: () => boolean | Promise<boolean>, ms = 15_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
