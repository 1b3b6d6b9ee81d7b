/**
 * HTTP helpers shared by controllers and the two middlewares that run before
 * strapi::errors.
 */
import type { Context } from 'koa';
import { CACHE_CONTROL, isNotModified, toHttpDate, type AccessClass } from '../lib/http-cache';
import type { FieldError } from '../lib/input-rules';

const NAMES: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  405: 'MethodNotAllowedError',
  413: 'PayloadTooLargeError',
  429: 'RateLimitError',
};

/**
 * Writes an error in Strapi's REST error shape. Only for the middlewares that
 * run before strapi::errors (request guard, response cache); everything after
 * it throws (src/infra/errors.ts).
 */
export function sendError(ctx: Context, status: number, message: string, errors: FieldError[] = [], name = NAMES[status] ?? 'ApplicationError'): void {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = {
    data: null,
    error: { status, name, message, details: errors.length ? { errors: errors.map((e) => ({ ...e, name })) } : {} },
  };
}

export interface CacheValidators {
  etag: string;
  lastModified: Date;
  access: AccessClass;
  /** Extra `Link` header entries, e.g. rel="hub" and rel="self" for WebSub. */
  links?: Array<{ href: string; rel: string }>;
}

/**
 * Conditional GET for feeds and sitemaps: validators and caching headers
 * (identical on 200 and 304), then 304 or the body from `render`. The same
 * decision (lib/http-cache.ts isNotModified) the response cache makes on hits.
 */
export async function respondWithValidators(ctx: Context, validators: CacheValidators, contentType: string, render: () => Promise<string>): Promise<void> {
  ctx.set('ETag', validators.etag);
  ctx.set('Last-Modified', toHttpDate(validators.lastModified));
  ctx.set('Cache-Control', CACHE_CONTROL[validators.access]);
  ctx.vary('Authorization');
  if (validators.links?.length) ctx.set('Link', validators.links.map((l) => `<${l.href}>; rel="${l.rel}"`).join(', '));
  if (isNotModified(ctx.request.headers, validators.etag, validators.lastModified)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  const body = await render();
  ctx.status = 200;
  ctx.set('Content-Type', contentType);
  ctx.body = body;
}

/**
 * Says which cache keys a response depends on beyond the documents its JSON
 * body shows (src/lib/cache-keys.ts): its listing scope (listingKeys), and for
 * bodies the response cache cannot walk (feeds, pre-rendered JSON) every key.
 */
export function declareCacheKeys(ctx: Context, keys: Iterable<string>): void {
  const declared: Set<string> = (ctx.state.cacheKeys ??= new Set<string>());
  for (const key of keys) declared.add(key);
}

export const declaredCacheKeys = (ctx: Context): string[] => [...((ctx.state.cacheKeys as Set<string> | undefined) ?? [])];

/** br when the client takes it (smaller), else gzip, else none (identity). */
export function preferredEncoding(ctx: Context): 'br' | 'gzip' | null {
  if (ctx.acceptsEncodings('br', 'identity') === 'br') return 'br';
  if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') return 'gzip';
  return null;
}
