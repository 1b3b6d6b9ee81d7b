import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Digits } from '../../../lib/reading-time';
import { infra } from '../../../infra';
import { invalid, notFound } from '../../../infra/errors';
import { digitsParam, listQuery, withPreset } from '../query';
import { articleService } from '../../services';

const UID = 'api::article.article';

interface ViewParams {
  digits: Digits;
  fallback?: string;
}

/** A REST body as the core controller returns it. */
interface Body {
  data?: unknown;
  meta?: Record<string, unknown>;
}

/**
 * Takes our own query keys out of ctx.query (strict params would refuse them):
 * `digits` (latn | arab, for dates and labels) and `fallback` (a locale; the
 * locale guard has already refused unknown ones).
 */
function takeViewParams(ctx: Context, allowFallback: boolean): ViewParams {
  const { digits, fallback, ...rest } = ctx.query;
  if (fallback !== undefined && !allowFallback) invalid('fallback', 'is only supported on a single article');
  if (fallback !== undefined && typeof fallback !== 'string') invalid('fallback', 'must be a single locale code');
  ctx.query = rest;
  return { digits: digitsParam(digits), fallback };
}

/** Says which locale was served (meta + Content-Language) when the caller asked for a fallback. */
function announceLocale(ctx: Context, response: Body, requested: string, served: string): void {
  ctx.set('Content-Language', served);
  response.meta = { ...(response.meta ?? {}), requestedLocale: requested, servedLocale: served };
}

const records = (data: unknown): Array<{ locale?: string | null }> => (Array.isArray(data) ? data : data ? [data] : []);

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
    ctx.query = listQuery(ctx.query);
    const response = (await super.find(ctx)) as Body;
    await articleService(strapi).withExtras(records(response?.data), view.digits);
    return response;
  },

  async findOne(ctx) {
    const view = takeViewParams(ctx, true);
    ctx.query = withPreset(ctx.query, 'full');
    const requested = (ctx.query.locale as string | undefined) ?? (await infra(strapi).locales.defaultLocale());
    let served = requested;
    if (view.fallback) {
      const status = ctx.query.status === 'draft' ? 'draft' : 'published';
      served = (await articleService(strapi).firstExistingLocale(ctx.params.id, [requested, view.fallback], status)) ?? requested;
      ctx.query.locale = served;
    }
    const response = (await super.findOne(ctx)) as Body;
    if (response?.data) {
      await articleService(strapi).withExtras(records(response.data), view.digits);
      if (view.fallback) announceLocale(ctx, response, requested, served);
    }
    return response;
  },

  /** GET /api/articles/slug/:slug — the router has already percent-decoded an Arabic slug. */
  async findBySlug(ctx) {
    const view = takeViewParams(ctx, true);
    await this.validateQuery!(ctx);
    const query = await this.sanitizeQuery!(ctx);
    const { slug } = ctx.params;
    const locale: string = (query.locale as string) ?? (await infra(strapi).locales.defaultLocale());
    const params = withPreset({ ...query, locale }, 'full');
    const articles = articleService(strapi);
    const doc = view.fallback ? await articles.findBySlugWithFallback(slug, params, view.fallback) : await articles.findBySlug(slug, params);
    if (!doc) notFound('slug', `No article with slug "${slug}" in ${view.fallback ? `locales "${locale}" or "${view.fallback}"` : `locale "${locale}"`}`);
    const sanitized = await this.sanitizeOutput!(doc, ctx);
    const response = (await this.transformResponse!(sanitized)) as Body;
    await articles.withExtras(records(response.data), view.digits);
    if (view.fallback) announceLocale(ctx, response, locale, doc.locale ?? locale);
    return response;
  },
}));
