import type { Core, UID } from '@strapi/strapi';
import { documentKeys, FEED_KEY, KEY_PREFIX, LIST_KEY } from '../lib/cache-keys';
import { infra } from '../infra';
import { siteService } from '../api/services';
import type { DocumentMiddleware } from './types';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
const ARTICLE = 'api::article.article';
const ARTICLE_RELATIONS = { section: 'api::section.section', authors: 'api::author.author', tags: 'api::tag.tag' } as const;

/**
 * Every key a change of this document touches: the document itself (by id and
 * by each locale's slug) and, for an article, the sections/authors/tags it
 * links to — their pages may list it. Read before and after the write, so
 * both the old and the new slug and links are evicted.
 */
async function touchedKeys(strapi: Core.Strapi, uid: string, documentId: string): Promise<string[]> {
  const isArticle = uid === ARTICLE;
  const rows: Array<Record<string, unknown>> = await strapi.db.query(uid as UID.ContentType).findMany({
    where: { documentId },
    select: isArticle ? ['documentId'] : ['documentId', 'slug'],
    ...(isArticle
      ? { populate: Object.fromEntries(Object.keys(ARTICLE_RELATIONS).map((r) => [r, { select: ['documentId', 'slug'] }])) }
      : {}),
  });
  const keys = new Set<string>(documentKeys(uid, { documentId }));
  for (const row of rows) {
    for (const k of documentKeys(uid, row)) keys.add(k);
    if (!isArticle) continue;
    for (const [attr, target] of Object.entries(ARTICLE_RELATIONS)) {
      for (const related of ([] as Array<{ documentId?: unknown; slug?: unknown }>).concat((row[attr] as never) ?? [])) {
        for (const k of documentKeys(target, related)) keys.add(k);
      }
    }
  }
  return [...keys];
}

/** Document Service middleware: evicts cached responses (here, on other nodes and at the CDN) after every write. */
export function cacheInvalidationMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  return async (ctx, next) => {
    if (!KEY_PREFIX[ctx.uid] || !WRITES.has(ctx.action)) return next();
    const { cache } = infra(strapi);
    if (ctx.uid === 'api::site.site') {
      const result = await next();
      siteService(strapi).forget();
      await cache.invalidate('*'); // the site's name and URL are on every feed and page
      return result;
    }
    const before = ctx.params?.documentId ? await touchedKeys(strapi, ctx.uid, ctx.params.documentId) : [];
    const result = await next();
    const documentId = ctx.params?.documentId ?? result?.documentId;
    const after = documentId ? await touchedKeys(strapi, ctx.uid, documentId) : [];
    await cache.invalidate([...new Set([...before, ...after, LIST_KEY, FEED_KEY])]);
    return result;
  };
}
