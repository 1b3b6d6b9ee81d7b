import type { Core } from '@strapi/strapi';
import { inRankOrder, searchArticles } from '../../../services/search/request';
import { digitsParam } from '../../../services/article-extras';
import { renderCards } from '../../../services/article-cards';

/** GET /api/search?q=…&locale=ar&section=<slug>&page=1&pageSize=20 — ranked article cards with <mark> snippets. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const { q, locale, section, page, pageSize } = ctx.query ?? {};
    const digits = digitsParam(ctx, ctx.query?.digits);
    if (!digits) return;
    const result = await searchArticles(strapi, { q, locale, section, page, pageSize });
    const cards = await renderCards(strapi, result.hits.map((h) => h.documentId), result.locale, {
      digits,
      auth: ctx.state.auth,
      anonymous: !ctx.get('authorization'),
    });
    const data = inRankOrder(result, cards).map(({ card, snippet }) => ({ ...card, snippet }));
    ctx.body = { data, meta: { pagination: result.pagination, locale: result.locale } };
  },
});
