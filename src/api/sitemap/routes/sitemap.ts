/** GET /api/sitemaps (index), /api/sitemaps/news, /api/sitemaps/articles — read actions (find/findOne). */
export default {
  routes: [
    { method: 'GET', path: '/sitemaps', handler: 'sitemap.find', config: { middlewares: ['global::rate-limit'] } },
    {
      method: 'GET',
      path: '/sitemaps/:kind(news|articles)',
      handler: 'sitemap.findOne',
      config: { middlewares: ['global::rate-limit'] },
    },
  ],
};
