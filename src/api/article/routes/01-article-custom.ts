import { customRoute } from '../../../lib/route-policies';
import { articleBySlug, articleDraft } from '../openapi';

export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/slug/:slug',
      handler: 'article.findBySlug',
      // A findOne by another key, under the same permission: read-only tokens (which Strapi lets
      // call find/findOne only) and every role or custom token with findOne can read by slug.
      config: {
        ...customRoute('locale', 'fallback', 'digits', 'status', 'fields', 'populate'),
        auth: { scope: ['api::article.article.findOne'] },
        openapi: articleBySlug,
      },
    },
    {
      method: 'GET',
      path: '/articles/:id/draft',
      handler: 'article.readDrafts',
      config: { ...customRoute('locale', 'fallback', 'digits', 'fields', 'populate'), openapi: articleDraft },
    },
  ],
};
