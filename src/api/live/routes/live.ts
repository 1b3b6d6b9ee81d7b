import { customRoute } from '../../../lib/route-policies';
import { liveEntriesDoc, liveFeedDoc, liveStreamDoc } from '../openapi';

/**
 * Live coverage, read side (writes are POST/PUT/DELETE /api/live-entries).
 * A coverage is an article: the entries and the stream are readable by
 * whoever may read a published article (`api::article.article.findOne`, as
 * by-slug does: the public role, read-only tokens); the feed by whoever may
 * read the feeds (`api::feed.feed.find`: partner tokens too).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/live/:documentId/entries',
      handler: 'live.entries',
      config: { ...customRoute('locale', 'after', 'before', 'since', 'limit'), auth: { scope: ['api::article.article.findOne'] }, openapi: liveEntriesDoc },
    },
    {
      method: 'GET',
      path: '/live/:documentId/stream',
      handler: 'live.stream',
      config: { ...customRoute('locale', 'lastEventId'), auth: { scope: ['api::article.article.findOne'] }, openapi: liveStreamDoc },
    },
    {
      method: 'GET',
      path: '/live/:documentId/feed/:format(rss|atom|json)',
      handler: 'live.feed',
      config: { ...customRoute('locale', 'limit'), auth: { scope: ['api::feed.feed.find'] }, openapi: liveFeedDoc },
    },
  ],
};
