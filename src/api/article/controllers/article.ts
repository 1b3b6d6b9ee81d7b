import { factories, type Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Digits } from '../../../lib/reading-time';
import { listingKeys } from '../../../lib/cache-keys';
import { infra } from '../../../infra';
import { invalid, notFound } from '../../../infra/errors';
import { declareCacheKeys } from '../../../infra/http';
import { digitsParam, listQuery, listScope, plainListRequest, withPreset } from '../query';
import { articleService, readModelService } from '../../services';
import type { ReadResult } from '../services/read-model';

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

/** Query keys a single article's read-model answer covers. */
const PLAIN_ONE_KEYS = new Set(['locale', 'digits', 'fallback']);

/**
 * The read model answers anonymous readers (what it stores is what they may
 * see) whose request it covers; everyone else takes the Strapi path.
 */
const isAnonymous = (ctx: Context) => !ctx.get('authorization');

/** Sends a body the read model assembled (JSON text), with the cache keys of what it shows. */
function sendPrerendered(ctx: Context, result: ReadResult, listing: string[] = []): void {
  declareCacheKeys(ctx, [...listing, ...result.keys]);
  ctx.status = 200;
  ctx.type = 'application/json';
  ctx.body = result.body;
}

/** The read model's answer to GET /api/articles/:id or /slug/:slug, or null (absent, stale, not covered). */
async function prerenderedOne(ctx: Context, strapi: Core.Strapi, by: { documentId: string } | { slug: string }): Promise<boolean> {
  if (!isAnonymous(ctx) || Object.keys(ctx.query).some((k) => !PLAIN_ONE_KEYS.has(k))) return false;
  const { locale, digits = 'latn', fallback } = ctx.query;
  if ((locale !== undefined && typeof locale !== 'string') || typeof digits !== 'string' || (fallback !== undefined && typeof fallback !== 'string')) return false;
  if (digits !== 'latn' && digits !== 'arab') return false;
  const requested = locale ?? (await infra(strapi).locales.defaultLocale());
  const found = await readModelService(strapi).one(by, requested, digits, fallback);
  if (!found) return false;
  if (fallback) ctx.set('Content-Language', found.locale);
  sendPrerendered(ctx, found);
  return true;
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
    const locale = (ctx.query.locale as string | undefined) ?? (await infra(strapi).locales.defaultLocale());
    if (isAnonymous(ctx)) {
      const rest = strapi.config.get('api.rest') as { defaultLimit: number; maxLimit: number };
      const plain = plainListRequest(ctx.query, { locale, pageSize: rest.defaultLimit, maxLimit: rest.maxLimit });
      const result = plain && (await readModelService(strapi).list(plain));
      if (result) return sendPrerendered(ctx, result, listingKeys(plain.locale, plain.scope));
    }
    declareCacheKeys(ctx, listingKeys(locale, listScope(ctx.query)));
    const view = takeViewParams(ctx, false);
    ctx.query = listQuery(ctx.query);
    const response = (await super.find(ctx)) as Body;
    await articleService(strapi).withExtras(records(response?.data), view.digits);
    return response;
  },

  async findOne(ctx) {
    if (ctx.query.status !== 'draft' && (await prerenderedOne(ctx, strapi, { documentId: ctx.params.id }))) return;
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
    if (await prerenderedOne(ctx, strapi, { slug: ctx.params.slug })) return;
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
