import { customRoute } from '../../../lib/route-policies';
import { DRAFTS_PERMISSION } from '../../../lib/access-rules';
import type { RouteDoc } from '../../../lib/openapi/types';
import { articlePublishedAt, articleRevision, articleRevisions } from '../openapi';

/**
 * Revisions over the content API. A revision of an unpublished version is a
 * draft, and the history says when a story was embargoed: every route needs
 * the drafts permission (full-access tokens; custom tokens with Article →
 * readDrafts). The public, read-only and partner tokens get 403.
 */
const drafts = (openapi: RouteDoc, ...query: string[]) => ({ ...customRoute(...query), auth: { scope: [DRAFTS_PERMISSION] }, openapi });

export default {
  routes: [
    { method: 'GET', path: '/articles/:id/revisions', handler: 'revisions.find', config: drafts(articleRevisions, 'locale', 'page', 'pageSize') },
    { method: 'GET', path: '/articles/:id/revisions/:revisionId', handler: 'revisions.findOne', config: drafts(articleRevision) },
    { method: 'GET', path: '/articles/:id/published-at', handler: 'revisions.publishedAt', config: drafts(articlePublishedAt, 'locale', 'at') },
  ],
};
