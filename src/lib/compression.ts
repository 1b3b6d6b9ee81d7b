/**
 * Compression of stored responses: each cached body is compressed once, when
 * it is stored, in every encoding we serve, so a hit costs no CPU for it. Pure.
 */
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';
export const ENCODINGS: readonly Encoding[] = ['br', 'gzip'];

/** Below this, compression saves less than a TCP packet and costs a header (koa-compress's default too). */
export const MIN_COMPRESS_BYTES = 1024;

/** Text types worth compressing (JSON, XML feeds and sitemaps, HTML, plain text). */
export const isCompressible = (contentType: string): boolean => /^(text\/|application\/([a-z.+-]*\+)?(json|xml|javascript))/i.test(contentType);

/**
 * Brotli at quality 5: within a few percent of the default 11's size on JSON
 * and Arabic text, at a small fraction of its time (docs/benchmarks.md); gzip at 6.
 */
export function encodeBody(body: Buffer, contentType: string): Partial<Record<Encoding, Buffer>> | undefined {
  if (body.length < MIN_COMPRESS_BYTES || !isCompressible(contentType)) return undefined;
  return {
    br: zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
    gzip: zlib.gzipSync(body, { level: 6 }),
  };
}

/**
 * One encoding of a body rendered for one request (not stored): brotli at
 * quality 4 with an 18-bit window, gzip at 5 — about 1 ms for 100 KB of JSON
 * here, done in one synchronous call rather than through a zlib stream per
 * response, which under concurrent load cost several times that (docs/benchmarks.md).
 */
export function encodeOnce(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'gzip') return zlib.gzipSync(body, { level: 5 });
  const C = zlib.constants;
  return zlib.brotliCompressSync(body, { params: { [C.BROTLI_PARAM_QUALITY]: 4, [C.BROTLI_PARAM_LGWIN]: 18, [C.BROTLI_PARAM_SIZE_HINT]: body.length } });
}

/** The ETag of an encoded variant: weak, as the bytes differ from the identity body's (as nginx does). */
export const variantEtag = (etag: string, encoding: Encoding | null): string => (encoding && !etag.startsWith('W/') ? `W/${etag}` : etag);
