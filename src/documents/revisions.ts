import type { Core } from '@strapi/strapi';
import { planRevisions, type PublishedIds } from '../lib/revisions';
import { infra } from '../infra';
import { reviewService, revisionsService } from '../api/services';
import type { DocumentCall, DocumentMiddleware } from './types';

const ARTICLE = 'api::article.article';
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/** Whether the write can change a published row (a draft save cannot: it skips two queries). */
const touchesPublished = (ctx: DocumentCall) =>
  !(ctx.action === 'create' || ctx.action === 'update' || ctx.action === 'discardDraft') || ctx.params?.status === 'published';

/** The locales a write names: one, or every locale of the document for `*` / a list. */
async function localesOf(strapi: Core.Strapi, ctx: DocumentCall, documentId: string): Promise<string[]> {
  const locale = ctx.params?.locale;
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (locale === undefined || locale === null) return [await infra(strapi).locales.defaultLocale()];
  if (Array.isArray(locale)) return locale.filter((l): l is string => typeof l === 'string');
  const rows = (await strapi.db.query(ARTICLE).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] })) as Array<{ locale: string }>;
  return rows.map((r) => r.locale);
}

/**
 * Document Service middleware, innermost (closest to the write, inside the
 * publication middleware's transaction): every write of an article — draft
 * save, publish, unpublish, discard, delete; from REST, GraphQL, the admin,
 * the scheduler or a script — stores a revision of each locale version it
 * changed (src/lib/revisions.ts says which), in the same transaction, so a
 * revision exists exactly when the write committed. A publish also clears the
 * version's review state.
 */
export function revisionsMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  const revisions = () => revisionsService(strapi);
  return async (ctx, next) => {
    if (ctx.uid !== ARTICLE || !WRITES.has(ctx.action)) return next();
    if (!revisions().enabled()) {
      const result = await next();
      const documentId: string | undefined = ctx.params?.documentId ?? result?.documentId;
      if (documentId && (ctx.action === 'publish' || ctx.params?.status === 'published')) await reviewService(strapi).clear(documentId, await localesOf(strapi, ctx, documentId));
      return result;
    }
    const givenId = ctx.params?.documentId;
    const published = touchesPublished(ctx);
    const before: PublishedIds = givenId && published ? await revisions().publishedIds(givenId) : {};
    // A delete removes the drafts: which locales had one must be read before.
    const deleted = ctx.action === 'delete' && givenId ? await localesOf(strapi, ctx, givenId) : null;
    const result = await next();
    const documentId: string | undefined = givenId ?? result?.documentId;
    if (!documentId) return result;
    const after: PublishedIds = published ? await revisions().publishedIds(documentId) : {};
    const written = deleted ?? (ctx.action === 'publish' || ctx.action === 'unpublish' ? [] : await localesOf(strapi, ctx, documentId));
    const planned = planRevisions(ctx.action, written, before, after);
    await revisions().record(documentId, planned);
    const newlyPublished = planned.filter((p) => p.version === 'published' && !p.removed).map((p) => p.locale);
    if (newlyPublished.length || ctx.action === 'delete') await reviewService(strapi).clear(documentId, ctx.action === 'delete' ? written : newlyPublished);
    return result;
  };
}
