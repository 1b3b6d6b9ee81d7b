import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PurgeRequest {
  keys: string[];
  soft?: boolean;
  all?: boolean;
}

/** A CDN purge endpoint stand-in on 127.0.0.1 (CACHE_PURGE_URL) that records what it is told. */
export async function startPurgeStub() {
  const requests: PurgeRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
