import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { isApiPath } from '../lib/request-checks';
import { infra } from '../infra';
import { invalid } from '../infra/errors';

/** Endpoints that serve one edition: a feed, a sitemap, a search, a story by slug, a story's related stories, a live coverage. */
const SINGLE_LOCALE = /^\/api\/(feeds|sitemaps|search|articles\/slug|live|articles\/[^/]+\/related\/?$)(\/|$)/i;

/**
 * Strapi answers `?locale=xx` with 200 and an empty list, which hides typos
 * from frontends and partners. Any /api request naming a locale that is not
 * configured gets a 400 naming the parameter instead; so does a list of
 * locales, and `*` (every locale) where an endpoint serves one edition.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (!isApiPath(ctx.path)) return next();
    const { locales } = infra(strapi);
    for (const param of ['locale', 'fallback'] as const) {
      const value: unknown = ctx.query[param];
      if (value === undefined) continue;
      if (typeof value !== 'string') invalid(param, 'must be a single locale code');
      if (value === '*' || value === 'all') {
        if (param === 'fallback' || SINGLE_LOCALE.test(ctx.path)) invalid(param, 'must name one locale on this endpoint');
        continue;
      }
      if (!(await locales.isKnown(value))) invalid(param, `must be one of: ${(await locales.known()).join(', ')}`, `Unknown locale "${value}"`);
    }
    return next();
  };
