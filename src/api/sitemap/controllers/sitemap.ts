import type { Core } from '@strapi/strapi';
import { sendError } from '../../../services/http-errors';
import { defaultLocale } from '../../../services/locales';
import { respondWithValidators } from '../../../services/syndication-http';

const XML = 'application/xml; charset=utf-8';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/sitemaps — the sitemap index over every locale. */
  async find(ctx: any) {
    const { validators, render } = await (strapi.service('api::sitemap.sitemap') as any).index();
    await respondWithValidators(ctx, validators, XML, render);
  },

  /** GET /api/sitemaps/news?locale= and /api/sitemaps/articles?locale=&page= */
  async findOne(ctx: any) {
    const sitemaps = strapi.service('api::sitemap.sitemap') as any;
    const { locale: rawLocale, page: rawPage } = ctx.query;
    if (rawLocale !== undefined && typeof rawLocale !== 'string') {
      return sendError(ctx, 400, 'ValidationError', 'Invalid sitemap parameters', [{ path: ['locale'], message: 'must be a single locale code' }]);
    }
    const locale = rawLocale || (await defaultLocale(strapi));
    if (ctx.params.kind === 'news') {
      const { validators, render } = await sitemaps.news(locale);
      return respondWithValidators(ctx, validators, XML, render);
    }
    const page = rawPage === undefined ? 1 : typeof rawPage === 'string' && /^\d{1,6}$/.test(rawPage) ? Number(rawPage) : 0;
    if (page < 1) {
      return sendError(ctx, 400, 'ValidationError', 'Invalid sitemap parameters', [{ path: ['page'], message: 'must be a positive integer' }]);
    }
    const result = await sitemaps.articles(locale, page);
    if (!result) return sendError(ctx, 404, 'NotFoundError', `Sitemap page ${page} does not exist`, [{ path: ['page'], message: 'past the last page' }]);
    return respondWithValidators(ctx, result.validators, XML, result.render);
  },
});
