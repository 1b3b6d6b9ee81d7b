import type { Core } from '@strapi/strapi';
import { readAccessMiddleware } from './read-access';
import { cacheInvalidationMiddleware } from './cache-invalidation';
import { validationMiddleware } from './validation';
import { scheduleMiddleware } from './schedule';
import { slugMiddleware } from './slugs';
import { readingTimeMiddleware } from './reading-time';
import { websubMiddleware } from './websub';
import { searchIndexMiddleware } from './search-index';
import { useDocumentMiddlewares } from './types';

/**
 * The Document Service middlewares, outermost first. They hold for every
 * caller — REST, GraphQL, the admin, cron, scripts:
 * 1. read-access — reads only: what a caller without the drafts permission may see;
 * 2. cache-invalidation — wraps every write, evicts after it (whatever changed it);
 * 3. validation — rules the schema cannot express, before anything is written;
 * 4. schedule — embargo/expiry checks, a reporter's edit clears the embargo;
 * 5. slugs, 6. reading-time — derived fields;
 * 7. websub — pings the hub after a publish;
 * 8. search-index — innermost, in the write's transaction.
 */
export function registerDocumentMiddlewares(strapi: Core.Strapi): void {
  useDocumentMiddlewares(strapi, [
    readAccessMiddleware(strapi),
    cacheInvalidationMiddleware(strapi),
    validationMiddleware(strapi),
    scheduleMiddleware(strapi),
    slugMiddleware(strapi),
    readingTimeMiddleware(strapi),
    websubMiddleware(strapi),
    searchIndexMiddleware(strapi),
  ]);
}
