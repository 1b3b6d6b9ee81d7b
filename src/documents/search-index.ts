import type { Core } from '@strapi/strapi';
import { searchService } from '../api/services';
import type { DocumentMiddleware } from './types';

const ARTICLE = 'api::article.article';
/** Every action that can add, change or remove a published article version. */
const INDEXED_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'delete', 'discardDraft']);

/**
 * Document Service middleware: after any write to an article, the search
 * index rows of that document are rebuilt from its published versions (all
 * locales), in the same transaction as the write. Covers REST/GraphQL/admin/
 * scripts alike, including create-and-publish, which Strapi publishes
 * internally without going through the 'publish' action.
 */
export function searchIndexMiddleware(strapi: Core.Strapi): DocumentMiddleware {
  return async (ctx, next) => {
    if (ctx.uid !== ARTICLE || !INDEXED_ACTIONS.has(ctx.action)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId: unknown = ctx.params?.documentId ?? result?.documentId;
      if (typeof documentId === 'string') await searchService(strapi).syncDocument(documentId);
      return result;
    });
  };
}
