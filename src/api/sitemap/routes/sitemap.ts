import { customRoute } from '../../../lib/route-policies';
import { sitemapDoc, sitemapIndexDoc } from '../openapi';

/** GET /api/sitemaps (index), /api/sitemaps/news, /api/sitemaps/articles — read actions (find/findOne). */
export default {
  routes: [
    { method: 'GET', path: '/sitemaps', handler: 'sitemap.find', config: { ...customRoute(), openapi: sitemapIndexDoc } },
    {
      method: 'GET',
      path: '/sitemaps/:kind(news|articles)',
      handler: 'sitemap.findOne',
      config: { ...customRoute('locale', 'page'), openapi: sitemapDoc },
    },
  ],
};
