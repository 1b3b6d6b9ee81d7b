import { factories } from '@strapi/strapi';
import { listQuery, withPreset } from '../services/article';
import { sendError } from '../../../services/http-errors';
import { defaultLocale } from '../../../services/locales';
import { addArticleExtras, digitsParam } from '../../../services/article-extras';
import type { Digits } from '../../../lib/reading-time';

const UID = 'api::article.article';

interface ViewParams {
  digits: Digits;
  fallback?: string;
}

/**
 * Takes our own query keys out of ctx.query (strict params would refuse them):
 * `digits` (latn | arab, for dates and labels) and `fallback` (a locale; the
 * global locale guard has already refused unknown ones). Null = 400 sent.
 */
function takeViewParams(ctx: any, allowFallback: boolean): ViewParams | null {
  const { digits: digitsValue, fallback, ...rest } = ctx.query ?? {};
  const digits = digitsParam(ctx, digitsValue);
  if (!digits) return null;
  if (fallback !== undefined && (!allowFallback || typeof fallback !== 'string')) {
    sendError(ctx, 400, 'ValidationError', 'fallback must be one locale code, on a single article', [
      { path: ['fallback'], message: allowFallback ? 'must be a single locale code' : 'is only supported on a single article' },
    ]);
    return null;
  }
  ctx.query = rest;
  return { digits, fallback };
}

/** Says which locale was served (meta + Content-Language) when the caller asked for a fallback. */
function announceLocale(ctx: any, response: any, requested: string, served: string): void {
  ctx.set('Content-Language', served);
  response.meta = { ...(response.meta ?? {}), requestedLocale: requested, servedLocale: served };
}

export default factories.createCoreController(UID, ({ strapi }) => ({
  /**
   * GET /api/articles/:id/draft — the draft version, for a preview frontend.
   * Its permission, `api::article.article.readDrafts`, is the drafts
   * permission of src/lib/access-rules.ts: a custom API token holding it may
   * also ask any other surface for `status=draft`.
   */
  async readDrafts(ctx, next) {
    ctx.query = { ...ctx.query, status: 'draft' };
    return this.findOne!(ctx, next);
  },

  async find(ctx) {
    const view = takeViewParams(ctx, false);
    if (!view) return;
    ctx.query = listQuery(ctx.query);
    const response: any = await super.find(ctx);
    if (Array.isArray(response?.data)) await addArticleExtras(strapi, response.data, view.digits);
    return response;
  },

  async findOne(ctx) {
    const view = takeViewParams(ctx, true);
    if (!view) return;
    ctx.query = withPreset(ctx.query, 'full');
    const requested = (ctx.query.locale as string | undefined) ?? (await defaultLocale(strapi));
    let served = requested;
    if (view.fallback) {
      const status = ctx.query.status === 'draft' ? 'draft' : 'published';
      served = (await strapi.service(UID).firstExistingLocale(ctx.params.id, [requested, view.fallback], status)) ?? requested;
      ctx.query.locale = served;
    }
    const response: any = await super.findOne(ctx);
    if (response?.data) {
      await addArticleExtras(strapi, [response.data], view.digits);
      if (view.fallback) announceLocale(ctx, response, requested, served);
    }
    return response;
  },

  /** GET /api/articles/slug/:slug — the router has already percent-decoded an Arabic slug. */
  async findBySlug(ctx) {
    const view = takeViewParams(ctx, true);
    if (!view) return;
    await this.validateQuery!(ctx);
    const query = await this.sanitizeQuery!(ctx);
    const { slug } = ctx.params;
    const locale: string = (query.locale as string) ?? (await defaultLocale(strapi));
    const params = withPreset({ ...query, locale }, 'full');
    const doc = view.fallback
      ? await strapi.service(UID).findBySlugWithFallback(slug, params, view.fallback)
      : await strapi.service(UID).findBySlug(slug, params);
    if (!doc) {
      const where = view.fallback ? `locales "${locale}" or "${view.fallback}"` : `locale "${locale}"`;
      return sendError(ctx, 404, 'NotFoundError', `No article with slug "${slug}" in ${where}`, [
        { path: ['slug'], message: 'not found' },
      ]);
    }
    const sanitized = await this.sanitizeOutput!(doc, ctx);
    const response: any = await this.transformResponse!(sanitized);
    await addArticleExtras(strapi, [response.data], view.digits);
    if (view.fallback) announceLocale(ctx, response, locale, doc.locale);
    return response;
  },
}));
