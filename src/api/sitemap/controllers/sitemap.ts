import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { infra } from '../../../infra';
import { invalid, notFound } from '../../../infra/errors';
import { declareCacheKeys, respondWithValidators } from '../../../infra/http';
import { listingKeys } from '../../../lib/cache-keys';
import { sitemapService } from '../../services';

const XML = 'application/xml; charset=utf-8';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/sitemaps — the sitemap index over every locale. */
  async find(ctx: Context) {
    const { validators, render } = await sitemapService(strapi).index();
    await respondWithValidators(ctx, validators, XML, render);
  },

  /** GET /api/sitemaps/news?locale= and /api/sitemaps/articles?locale=&page= */
  async findOne(ctx: Context) {
    const sitemaps = sitemapService(strapi);
    const { locale: rawLocale, page: rawPage } = ctx.query;
    if (rawLocale !== undefined && typeof rawLocale !== 'string') invalid('locale', 'must be a single locale code');
    const locale = rawLocale || (await infra(strapi).locales.defaultLocale());
    declareCacheKeys(ctx, listingKeys(locale));
    if (ctx.params.kind === 'news') {
      const { validators, render } = await sitemaps.news(locale);
      return respondWithValidators(ctx, validators, XML, render);
    }
    const page = rawPage === undefined ? 1 : typeof rawPage === 'string' && /^\d{1,6}$/.test(rawPage) ? Number(rawPage) : 0;
    if (page < 1) invalid('page', 'must be a positive integer', 'Invalid sitemap parameters');
    const result = await sitemaps.articles(locale, page);
    if (!result) notFound('page', `Sitemap page ${page} does not exist`);
    return respondWithValidators(ctx, result.validators, XML, result.render);
  },
});
