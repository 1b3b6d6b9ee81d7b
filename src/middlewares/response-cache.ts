import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { collectKeys, FEED_KEY, headerKeys, LIST_KEY, requestKey, type SchemaLookup } from '../lib/cache-keys';
import { CACHE_CONTROL, isNotModified } from '../lib/http-cache';
import { etagOf } from '../lib/keyed-cache';
import { isApiPath } from '../lib/request-checks';
import { infra } from '../infra';
import { schemaOf } from '../infra/access';

/**
 * Headers of a response that belong to that one exchange; every other header
 * (content type, caching, security headers, Link, Vary…) is stored and replayed.
 */
const PER_RESPONSE = new Set([
  'date', 'etag', 'content-length', 'set-cookie', 'x-cache', 'x-response-time', 'x-query-count', 'retry-after',
  'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'connection', 'keep-alive', 'transfer-encoding',
]);

const notModified = (ctx: Context, etag: string, lastModified?: string) =>
  isNotModified(ctx.request.headers, etag, lastModified ? new Date(lastModified) : null);

/**
 * In-process cache for anonymous GET responses under /api (REST, feeds,
 * sitemaps, search). It stands right after the request guard (which has
 * already counted the request against its rate limit), so a hit costs a map
 * lookup, and the security headers are replayed with the body; hits are
 * therefore not in the request log. Requests with an Authorization header (partners, admins,
 * drafts) always reach the application. Entries are evicted by key when the
 * documents they show change (src/documents/cache-invalidation.ts).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const lookup: SchemaLookup = (uid) => schemaOf(strapi, uid)?.attributes;

  return async (ctx: Context, next: Next) => {
    const { cache, locales } = infra(strapi);
    const store = cache.responses;
    const cacheable =
      store && (ctx.method === 'GET' || ctx.method === 'HEAD') && isApiPath(ctx.path) && !ctx.get('authorization') && ctx.query.status !== 'draft';
    if (!cacheable) return next();

    const key = requestKey(ctx.path, ctx.querystring, await locales.defaultLocale());
    const hit = store.get(key);
    if (hit) {
      for (const [name, value] of Object.entries(hit.headers)) ctx.set(name, value);
      ctx.set('ETag', hit.etag);
      ctx.set('X-Cache', 'HIT');
      if (notModified(ctx, hit.etag, hit.headers['last-modified'])) {
        ctx.status = 304;
        return;
      }
      ctx.status = 200;
      ctx.body = hit.body;
      return;
    }

    await next();
    if (ctx.status !== 200 || ctx.body === undefined || ctx.body === null || ctx.response.get('set-cookie')) return;
    const cacheControl = String(ctx.response.get('cache-control') ?? '');
    if (/private|no-store/.test(cacheControl)) return;

    const sent: unknown = ctx.body;
    const isJson = !Buffer.isBuffer(sent) && typeof sent === 'object' && typeof (sent as { pipe?: unknown }).pipe !== 'function';
    if (!isJson && typeof sent !== 'string' && !Buffer.isBuffer(sent)) return; // streams are not cached
    const body = isJson ? Buffer.from(JSON.stringify(sent)) : Buffer.from(sent as string | Buffer);
    const keys = new Set<string>(String(ctx.response.get('surrogate-key') || '').split(/\s+/).filter(Boolean));
    const apiName = ctx.state.route?.info?.apiName;
    const rootUid = apiName ? `api::${apiName}.${apiName}` : '';
    if (isJson && rootUid && lookup(rootUid)) {
      for (const k of collectKeys(ctx.body, rootUid, lookup)) keys.add(k);
    } else {
      // Feeds, sitemaps, search and custom endpoints show many documents: any change may affect them.
      keys.add(LIST_KEY);
      if (!isJson) keys.add(FEED_KEY);
    }

    const etag = ctx.response.get('etag') || etagOf(body);
    if (!cacheControl) ctx.set('Cache-Control', CACHE_CONTROL.public);
    const printed = headerKeys(keys);
    ctx.set('Surrogate-Key', printed.join(' '));
    ctx.set('Cache-Tag', printed.join(','));
    ctx.set('ETag', etag);
    ctx.set('X-Cache', 'MISS');
    if (isJson) ctx.type = 'application/json';
    ctx.body = body;

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(ctx.response.headers as Record<string, unknown>)) {
      const lower = name.toLowerCase();
      // CORS headers depend on the request's Origin: strapi::cors (before us) sets them on every response.
      if (!PER_RESPONSE.has(lower) && !lower.startsWith('access-control-') && value !== undefined) headers[name] = String(value);
    }
    store.set(key, { body, etag, headers, keys: [...keys] });
    if (notModified(ctx, etag, headers['last-modified'])) {
      ctx.status = 304;
      ctx.body = null;
    }
  };
};
