import type { Core } from '@strapi/strapi';
import { searchArticles } from '../../../services/search/request';
import { addArticleExtras, digitsParam } from '../../../services/article-extras';

const ARTICLE = 'api::article.article';

/** GET /api/search?q=…&locale=ar&section=<slug>&page=1&pageSize=20 — ranked article cards with <mark> snippets. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const { q, locale, section, page, pageSize } = ctx.query ?? {};
    const digits = digitsParam(ctx, ctx.query?.digits);
    if (!digits) return;
    const result = await searchArticles(strapi, { q, locale, section, page, pageSize });
    const cards = (await strapi.contentAPI.sanitize.output(result.items, strapi.getModel(ARTICLE), { auth: ctx.state.auth })) as any[];
    await addArticleExtras(strapi, cards, digits);
    cards.forEach((card, i) => (card.snippet = result.snippets[i]));
    ctx.body = { data: cards, meta: { pagination: result.pagination, locale: result.locale } };
  },
});
