import type { Core } from '@strapi/strapi';
import { isKnownLocale, knownLocales } from '../services/locales';
import { sendError } from '../services/http-errors';

/**
 * Strapi answers `?locale=xx` with 200 and an empty list, which hides typos
 * from frontends and partners. Any /api request naming a locale that is not
 * configured gets a 400 naming the parameter instead.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (!ctx.path.startsWith('/api/')) return next();
    const values: unknown[] = ([] as unknown[]).concat(ctx.query.locale ?? [], ctx.query.fallback ?? []);
    for (const value of values) {
      if (typeof value !== 'string' || value === '*' || value === 'all') continue;
      if (!(await isKnownLocale(strapi, value))) {
        const param = value === ctx.query.locale ? 'locale' : 'fallback';
        return sendError(ctx, 400, 'ValidationError', `Unknown locale "${value}"`, [
          { path: [param], message: `must be one of: ${(await knownLocales(strapi)).join(', ')}` },
        ]);
      }
    }
    return next();
  };
