/**
 * One HTTP exchange as the load generator sees it: node:http, no automatic
 * decompression (fetch would decode gzip/br and hide the bytes on the wire),
 * so the probe of a scenario sends the same headers as autocannon and keeps the
 * exact bytes (nginx serves those).
 */
import http from 'node:http';
import zlib from 'node:zlib';

export interface RawResponse {
  status: number;
  /** Lower-case names. */
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent (compressed when the server compressed them). */
  body: Buffer;
  /** The body decoded by its Content-Encoding. */
  text(): string;
}

export function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    default:
      return body;
  }
}

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: () => decode(body, encoding).toString('utf8') });
      });
    });
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
