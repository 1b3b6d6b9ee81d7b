import type { Context, Next } from 'koa';
import { encodeOnce, isCompressible, MIN_COMPRESS_BYTES, variantEtag } from '../lib/compression';
import { preferredEncoding } from '../infra/http';

/**
 * Compresses what the application rendered in memory (JSON, feeds, sitemaps,
 * pre-rendered read-model bodies) for the one request, by Accept-Encoding, in
 * one synchronous call (src/lib/compression.ts encodeOnce). It sits inside
 * strapi::compression, which then only sees streams (static files, the admin's
 * assets); the response cache below it sets Content-Encoding itself for what
 * it stores, and this leaves such responses alone.
 */
export default () => async (ctx: Context, next: Next) => {
  await next();
  const { body } = ctx;
  if (body === null || body === undefined || ctx.method === 'HEAD' || ctx.response.get('Content-Encoding') || ctx.status === 204 || ctx.status === 304) return;
  const isStream = typeof (body as { pipe?: unknown }).pipe === 'function';
  if (isStream || !isCompressible(String(ctx.response.get('Content-Type') || ctx.type || ''))) return;
  if (/no-transform/i.test(String(ctx.response.get('Cache-Control') ?? ''))) return;
  ctx.vary('Accept-Encoding');
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  if (raw.length < MIN_COMPRESS_BYTES) return;
  const encoding = preferredEncoding(ctx);
  if (!encoding) return;
  const type = ctx.response.get('Content-Type');
  ctx.body = encodeOnce(raw, encoding);
  if (type) ctx.set('Content-Type', String(type));
  ctx.set('Content-Encoding', encoding);
  const etag = ctx.response.get('ETag');
  if (etag) ctx.set('ETag', variantEtag(String(etag), encoding));
};
