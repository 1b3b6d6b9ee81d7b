import type { Core } from '@strapi/strapi';
import { readAccessMiddleware } from './read-access';
import { publicationMiddleware } from './publication';
import { validationMiddleware } from './validation';
import { liveMiddleware } from './live';
import { scheduleMiddleware } from './schedule';
import { slugMiddleware } from './slugs';
import { readingTimeMiddleware } from './reading-time';
import { useDocumentMiddlewares } from './types';

export { subscribeMediaChanges } from './publication';

/**
 * The Document Service middlewares, outermost first. They hold for every
 * caller — REST, GraphQL, the admin, cron, scripts:
 * 1. read-access — reads only: what a caller without the drafts permission may see;
 * 2. publication — wraps every write in one transaction, compares the public
 *    versions before and after; when they changed, rebuilds the search index
 *    and read model in that transaction, then evicts the cache, purges the CDN
 *    and pings the WebSub hub after the commit (a draft save does none of it);
 * 3. validation — rules the schema cannot express, before anything is written;
 * 4. live — a live entry's write, its event (live_events) and its article's
 *    read-model row in one transaction; after the commit, eviction and the
 *    announcement to every node's streams; a live coverage taken down ends its streams;
 * 5. schedule — embargo/expiry checks, a reporter's edit clears the embargo;
 * 6. slugs, 7. reading-time — derived fields.
 */
export function registerDocumentMiddlewares(strapi: Core.Strapi): void {
  useDocumentMiddlewares(strapi, [
    readAccessMiddleware(strapi),
    publicationMiddleware(strapi),
    validationMiddleware(strapi),
    liveMiddleware(strapi),
    scheduleMiddleware(strapi),
    slugMiddleware(strapi),
    readingTimeMiddleware(strapi),
  ]);
}
