import type { Core } from '@strapi/strapi';
import { readAccessMiddleware } from './read-access';
import { slugMiddleware } from './slugs';
import { validationMiddleware } from './validation';
import { scheduleMiddleware } from './schedule';
import { cacheInvalidationMiddleware } from './cache-invalidation';
import { websubMiddleware } from './websub';
import { readingTimeMiddleware } from './reading-time';
import { searchIndexMiddleware } from './search-index';

/**
 * Registers the Document Service middlewares. Order matters: the read guard
 * comes first (reads only: what a caller without the drafts permission may
 * see), then cache invalidation wraps every write (it evicts after the write, whatever changed it), then
 * validation, then slug and reading-time derivation; WebSub pings after the
 * write; innermost, right around the write and in its transaction, the search
 * index is kept in step.
 */
export function registerDocumentMiddlewares(strapi: Core.Strapi): void {
  strapi.documents.use(readAccessMiddleware(strapi) as any);
  strapi.documents.use(cacheInvalidationMiddleware(strapi) as any);
  strapi.documents.use(validationMiddleware(strapi) as any);
  strapi.documents.use(scheduleMiddleware(strapi) as any);
  strapi.documents.use(slugMiddleware(strapi) as any);
  strapi.documents.use(readingTimeMiddleware(strapi) as any);
  strapi.documents.use(websubMiddleware(strapi) as any);
  strapi.documents.use(searchIndexMiddleware(strapi) as any);
}
