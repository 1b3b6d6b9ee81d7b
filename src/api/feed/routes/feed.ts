import { customRoute } from '../../../lib/route-policies';
import { feedDoc } from '../openapi';

/**
 * GET /api/feeds/rss|atom|json|ninjs — one action, `find`, so Strapi's
 * read-only API tokens pass its auth (they allow only find/findOne actions)
 * and custom tokens need exactly `api::feed.feed.find`.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/feeds/:format(rss|atom|json|ninjs)',
      handler: 'feed.find',
      config: { ...customRoute('locale', 'section', 'author', 'tag', 'limit'), openapi: feedDoc },
    },
  ],
};
