import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { listingKeys } from '../../../lib/cache-keys';
import { declareCacheKeys } from '../../../infra/http';
import { digitsParam } from '../../article/query';
import { articleService, searchService } from '../../services';

/** GET /api/search?q=…&locale=ar&section=<slug>&page=1&pageSize=20 — ranked article cards with <mark> snippets. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { q, locale, section, page, pageSize, digits } = ctx.query;
    const search = searchService(strapi);
    const result = await search.find({ q, locale, section, page, pageSize });
    declareCacheKeys(ctx, listingKeys(result.locale, typeof section === 'string' && section ? { kind: 'section', slug: section } : undefined));
    const cards = await articleService(strapi).renderCards(
      result.hits.map((h) => h.documentId),
      result.locale,
      { digits: digitsParam(digits), auth: ctx.state.auth, anonymous: !ctx.get('authorization') },
    );
    const data = search.inRankOrder(result, cards).map(({ card, snippet }) => ({ ...card, snippet }));
    ctx.body = { data, meta: { pagination: result.pagination, locale: result.locale } };
  },

  /** GET /api/articles/:documentId/related?limit=5&locale=ar — related published stories (أخبار ذات صلة), most similar first. */
  async related(ctx: Context) {
    const { locale, limit, digits } = ctx.query;
    const { documentId } = ctx.params;
    const result = await searchService(strapi).related(documentId, { locale, limit });
    // Like a list: any public change to an article of the locale evicts it.
    declareCacheKeys(ctx, [...listingKeys(result.locale), `article:${documentId}`]);
    const cards = await articleService(strapi).renderCards(result.ids, result.locale, {
      digits: digitsParam(digits),
      auth: ctx.state.auth,
      anonymous: !ctx.get('authorization'),
    });
    ctx.body = { data: result.ids.filter((id) => cards.has(id)).map((id) => cards.get(id)), meta: { locale: result.locale } };
  },
});
