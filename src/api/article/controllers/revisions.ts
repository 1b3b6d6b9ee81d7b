import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseInstant } from '../../../lib/revisions';
import { invalid, notFound } from '../../../infra/errors';
import { revisionsService } from '../../services';
import { documentIdParam, localeParam, positiveInt } from '../desk';

/**
 * The content API of revisions (routes/02-article-revisions.ts), for callers
 * holding the drafts permission (full-access tokens, custom tokens with
 * Article → readDrafts): a version's history, one revision, and what was
 * public at a moment. The admin's desk has its own routes (controllers/desk.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/articles/:id/revisions?locale=&page=&pageSize= — newest first. */
  async find(ctx: Context) {
    const documentId = documentIdParam(ctx.params.id);
    const locale = await localeParam(strapi, ctx.query.locale);
    const page = ctx.query.page === undefined ? 1 : positiveInt(ctx.query.page, 'page', 100_000);
    const pageSize = ctx.query.pageSize === undefined ? 25 : positiveInt(ctx.query.pageSize, 'pageSize', 100);
    const result = await revisionsService(strapi).list(documentId, locale, page, pageSize);
    // Every saved version has at least one revision (its creation): none means no such story in that locale.
    if (result.meta.pagination.total === 0) notFound('id', `No article ${documentId} with revisions in locale "${locale}"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: result.data, meta: { ...result.meta, locale } };
  },

  /** GET /api/articles/:id/revisions/:revisionId — with its content. */
  async findOne(ctx: Context) {
    const documentId = documentIdParam(ctx.params.id);
    const revision = await revisionsService(strapi).get(positiveInt(ctx.params.revisionId, 'revisionId'));
    if (revision.documentId !== documentId) notFound('revision', `No revision ${revision.id} of article ${documentId}`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: revision };
  },

  /** GET /api/articles/:id/published-at?at=<ISO date-time>&locale= — the published revision live then, or 404. */
  async publishedAt(ctx: Context) {
    const documentId = documentIdParam(ctx.params.id);
    const locale = await localeParam(strapi, ctx.query.locale);
    const at = parseInstant(ctx.query.at);
    if (at === null) invalid('at', 'must be an ISO 8601 date-time with a time zone (e.g. 2026-03-01T14:05:00+03:00)');
    const revision = await revisionsService(strapi).publishedAt(documentId, locale, at);
    if (!revision) notFound('at', `Article ${documentId} (${locale}) was not public at ${new Date(at).toISOString()}`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: revision, meta: { at: new Date(at).toISOString(), locale } };
  },
});
