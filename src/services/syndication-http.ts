import { CACHE_CONTROL, isNotModified, toHttpDate, type AccessClass } from '../lib/http-cache';

export interface CacheValidators {
  etag: string;
  lastModified: Date;
  access: AccessClass;
  /** Extra `Link` header entries, e.g. rel="hub" and rel="self" for WebSub. */
  links?: Array<{ href: string; rel: string }>;
}

/**
 * Writes validators and caching headers (identical on 200 and 304), then either
 * answers 304 or sets the body from `render` with its content type.
 */
export async function respondWithValidators(
  ctx: any,
  validators: CacheValidators,
  contentType: string,
  render: () => Promise<string>,
): Promise<void> {
  ctx.set('ETag', validators.etag);
  ctx.set('Last-Modified', toHttpDate(validators.lastModified));
  ctx.set('Cache-Control', CACHE_CONTROL[validators.access]);
  ctx.vary('Authorization');
  if (validators.links?.length) {
    ctx.set('Link', validators.links.map((l) => `<${l.href}>; rel="${l.rel}"`).join(', '));
  }
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
