import type { Core } from '@strapi/strapi';
import { readAccessMiddleware } from './read-access';
import { publicationMiddleware } from './publication';
import { validationMiddleware } from './validation';
import { liveMiddleware } from './live';
import { liveAssignmentMiddleware } from './live-assignment';
import { scheduleMiddleware } from './schedule';
import { slugMiddleware } from './slugs';
import { readingTimeMiddleware } from './reading-time';
import { locksMiddleware } from './locks';
import { revisionsMiddleware } from './revisions';
import { useDocumentMiddlewares } from './types';

export { subscribeMediaChanges } from './publication';

/**
 * The Document Service middlewares, outermost first. They hold for every
 * caller — REST, GraphQL, the admin, cron, scripts:
 * 1. read-access — reads only: what a caller without the drafts permission may see;
 * 2. locks — a write to a version someone else holds the edit lock of is a
 *    409 naming the holder, before any transaction is opened;
 * 3. publication — wraps every write in one transaction, compares the public
 *    versions before and after; when they changed, rebuilds the search index
 *    and read model in that transaction, then evicts the cache, purges the CDN
 *    and pings the WebSub hub after the commit (a draft save does none of it);
 * 4. validation — rules the schema cannot express, before anything is written;
 * 4b. live-assignment — an admin user's entry write: a reporter only to coverage
 *    they are assigned to, pinning for editors (403 naming the field);
 * 5. live — a live entry's write, its event (live_events) and its article's
 *    read-model row in one transaction; after the commit, eviction and the
 *    announcement to every node's streams; a live coverage taken down ends its streams;
 * 6. schedule — embargo/expiry checks, a reporter's edit clears the embargo
 *    (and puts the story back in review);
 * 7. slugs, 8. reading-time — derived fields;
 * 9. revisions — innermost, so every path is caught and the revision is of
 *    exactly what was written: one per changed locale version, in the
 *    write's transaction (published ones answer "what was public at T").
 */
export function registerDocumentMiddlewares(strapi: Core.Strapi): void {
  useDocumentMiddlewares(strapi, [
    readAccessMiddleware(strapi),
    locksMiddleware(strapi),
    publicationMiddleware(strapi),
    validationMiddleware(strapi),
    liveAssignmentMiddleware(strapi),
    liveMiddleware(strapi),
    scheduleMiddleware(strapi),
    slugMiddleware(strapi),
    readingTimeMiddleware(strapi),
    revisionsMiddleware(strapi),
  ]);
}
