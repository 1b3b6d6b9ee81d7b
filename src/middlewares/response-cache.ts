import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { collectKeys, GRAPHQL_KEY, headerKeys, LIST_KEY, LISTS_KEY, requestKey, type SchemaLookup } from '../lib/cache-keys';
import { encodeBody, variantEtag } from '../lib/compression';
import { CACHE_CONTROL, isNotModified } from '../lib/http-cache';
import { etagOf, type CachedResponse } from '../lib/keyed-cache';
import { isApiPath, isGraphqlPath } from '../lib/request-checks';
import { infra } from '../infra';
import { schemaOf } from '../infra/access';
import { declareCacheKeys, declaredCacheKeys, preferredEncoding } from '../infra/http';

/**
 * Headers of a response that belong to that one exchange; every other header
 * (content type, caching, security headers, Link, Vary…) is stored and replayed.
 */
const PER_RESPONSE = new Set([
  'date', 'etag', 'content-length', 'content-encoding', 'set-cookie', 'x-cache', 'x-response-time', 'x-query-count', 'retry-after',
  'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'connection', 'keep-alive', 'transfer-encoding',
]);

type Outcome = 'HIT' | 'STALE' | 'MISS';

/** Writes a stored response, in the best encoding the client accepts (compressed once, when stored). */
function serve(ctx: Context, entry: CachedResponse, outcome: Outcome): void {
  for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
  const encoding = entry.encoded ? preferredEncoding(ctx) : null;
  const etag = variantEtag(entry.etag, encoding);
  ctx.vary('Accept-Encoding');
  ctx.set('ETag', etag);
  ctx.set('X-Cache', outcome);
  ctx.remove('Content-Encoding');
  if (isNotModified(ctx.request.headers, etag, entry.headers['last-modified'] ? new Date(entry.headers['last-modified']) : null)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.body = encoding ? entry.encoded![encoding]! : entry.body;
  // After the body: koa sets Content-Length from it, and koa-compress leaves an encoded body alone.
  if (encoding) ctx.set('Content-Encoding', encoding);
}

/**
 * In-process cache for anonymous GET responses under /api (REST, feeds,
 * sitemaps, search) and of GraphQL GETs (persisted queries; POSTs are not
 * cached, as HTTP caches do not; a GraphQL response carries `graphql lists
 * list`, so any public change to an article, a taxonomy or a file evicts it). It stands right after the request guard (which has
 * already counted the request against its rate limit) and the compressor, so
 * a hit costs a map lookup, and the security headers are replayed with the
 * body; hits are therefore not in the request log. Requests with an
 * Authorization header (partners, admins, drafts) always reach the application.
 *
 * - Keys: what the controller declared (src/infra/http.ts declareCacheKeys)
 *   plus every document a JSON body shows; src/lib/cache-keys.ts.
 * - Evicted by src/documents/publication.ts when what readers see changes.
 * - Concurrent misses of one URL render once: the others wait for it.
 * - A soft-evicted entry (a new version published) is served, marked STALE,
 *   for CACHE_STALE_SECONDS while one request renders its successor.
 * - Stored with its br and gzip encodings, served by Accept-Encoding.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const lookup: SchemaLookup = (uid) => schemaOf(strapi, uid)?.attributes;
  /** The one render in progress per request key. */
  const inflight = new Map<string, Promise<CachedResponse | null>>();

  return async (ctx: Context, next: Next) => {
    const { cache, locales } = infra(strapi);
    const store = cache.responses;
    const cacheable =
      store && (ctx.method === 'GET' || ctx.method === 'HEAD') && (isApiPath(ctx.path) || isGraphqlPath(ctx.path)) && !ctx.get('authorization') && ctx.query.status !== 'draft';
    if (!cacheable) return next();

    const key = requestKey(ctx.path, ctx.querystring, await locales.defaultLocale());
    const entry = store.get(key);
    const pending = inflight.get(key);
    if (entry && entry.staleSince === undefined) return serve(ctx, entry, 'HIT');
    if (entry && pending) return serve(ctx, entry, 'STALE');
    if (pending) {
      const rendered = await pending;
      if (rendered) return serve(ctx, rendered, 'HIT');
      // The render was not cacheable (an error, a 404, evicted meanwhile): answer this request itself.
      return next();
    }

    // This request renders; others for the same URL wait for it (or get the stale entry).
    let settle!: (value: CachedResponse | null) => void;
    inflight.set(key, new Promise((resolve) => (settle = resolve)));
    const since = store.begin();
    let stored: CachedResponse | null = null;
    try {
      await next();
      const value = toEntry(ctx, lookup);
      if (value && store.set(key, value, since)) stored = value;
      if (value) serve(ctx, value, 'MISS');
      else {
        ctx.set('X-Cache', 'MISS'); // rendered, not stored (an error, a 404, private)
        if (entry) store.delete(key); // a stale entry without a successor is not served again
      }
    } finally {
      store.end();
      inflight.delete(key);
      settle(stored);
    }
  };
};

/** The storable form of the response just rendered, or null when it must not be stored. */
function toEntry(ctx: Context, lookup: SchemaLookup): CachedResponse | null {
  if (ctx.status !== 200 || ctx.body === undefined || ctx.body === null || ctx.response.get('set-cookie')) return null;
  const cacheControl = String(ctx.response.get('cache-control') ?? '');
  if (/private|no-store/.test(cacheControl)) return null;

  const sent: unknown = ctx.body;
  const isJson = !Buffer.isBuffer(sent) && typeof sent === 'object' && typeof (sent as { pipe?: unknown }).pipe !== 'function';
  if (!isJson && typeof sent !== 'string' && !Buffer.isBuffer(sent)) return null; // streams are not cached
  const body = isJson ? Buffer.from(JSON.stringify(sent)) : Buffer.from(sent as string | Buffer);
  // GraphQL answers errors with a 200: only clean results are kept (an alias named "errors" is merely not cached).
  if (isGraphqlPath(ctx.path) && body.includes('"errors":')) return null;
  if (isGraphqlPath(ctx.path)) declareCacheKeys(ctx, [GRAPHQL_KEY, LISTS_KEY, LIST_KEY]);

  const declared = declaredCacheKeys(ctx);
  const keys = new Set<string>(declared);
  const apiName = ctx.state.route?.info?.apiName;
  const rootUid = apiName ? `api::${apiName}.${apiName}` : '';
  if (isJson && rootUid && lookup(rootUid)) {
    // A collection that names no scope: sections, authors, tags (`lists`), or one that shows articles (also `list`).
    for (const k of collectKeys(sent, rootUid, lookup, declared.length ? [] : [LISTS_KEY])) keys.add(k);
    if (!declared.length && keys.has(LISTS_KEY) && [...keys].some((k) => k.startsWith('article:'))) keys.add(LIST_KEY);
  } else if (!declared.length) {
    // A custom endpoint that did not say what it shows: any public change may affect it.
    keys.add(LISTS_KEY).add(LIST_KEY);
  }

  if (!cacheControl) ctx.set('Cache-Control', CACHE_CONTROL.public);
  const printed = headerKeys(keys);
  ctx.set('Surrogate-Key', printed.join(' '));
  ctx.set('Cache-Tag', printed.join(','));
  if (isJson) ctx.type = 'application/json';
  const etag = ctx.response.get('etag') || etagOf(body);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.response.headers as Record<string, unknown>)) {
    const lower = name.toLowerCase();
    // CORS headers depend on the request's Origin: strapi::cors (before us) sets them on every response.
    if (!PER_RESPONSE.has(lower) && !lower.startsWith('access-control-') && value !== undefined) headers[name] = String(value);
  }
  return { body, encoded: encodeBody(body, String(ctx.response.get('content-type') ?? '')), etag, headers, keys: [...keys] };
}
