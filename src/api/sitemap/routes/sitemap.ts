import { customRoute } from '../../../lib/route-policies';

/** GET /api/sitemaps (index), /api/sitemaps/news, /api/sitemaps/articles — read actions (find/findOne). */
export default {
  routes: [
    { method: 'GET', path: '/sitemaps', handler: 'sitemap.find', config: customRoute() },
    {
      method: 'GET',
      path: '/sitemaps/:kind(news|articles)',
      handler: 'sitemap.findOne',
      config: customRoute('locale', 'page'),
    },
  ],
};
