import type { Core } from '@strapi/strapi';
import { isKnownLocale, knownLocales } from '../services/locales';
import { sendError } from '../services/http-errors';
import { isApiPath } from '../lib/request-checks';

/** Endpoints that serve one edition: a feed, a sitemap, a search, a story by slug. */
const SINGLE_LOCALE = /^\/api\/(feeds|sitemaps|search|articles\/slug)(\/|$)/i;

/**
 * Strapi answers `?locale=xx` with 200 and an empty list, which hides typos
 * from frontends and partners. Any /api request naming a locale that is not
 * configured gets a 400 naming the parameter instead; so does a list of
 * locales, and `*` (every locale) where an endpoint serves one edition.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (!isApiPath(ctx.path)) return next();
    for (const param of ['locale', 'fallback'] as const) {
      const value: unknown = ctx.query[param];
      if (value === undefined) continue;
      const refuse = (message: string) => sendError(ctx, 400, 'ValidationError', `Invalid ${param}: ${message}`, [{ path: [param], message }]);
      if (typeof value !== 'string') return refuse('must be a single locale code');
      if (value === '*' || value === 'all') {
        if (param === 'fallback' || SINGLE_LOCALE.test(ctx.path)) return refuse('must name one locale on this endpoint');
        continue;
      }
      if (!(await isKnownLocale(strapi, value))) return refuse(`must be one of: ${(await knownLocales(strapi)).join(', ')}`);
    }
    return next();
  };
