import { customRoute } from '../../../lib/route-policies';
import { searchDoc } from '../openapi';

export default {
  routes: [
    {
      method: 'GET',
      path: '/search',
      handler: 'search.find',
      config: { ...customRoute('q', 'locale', 'section', 'page', 'pageSize', 'digits'), openapi: searchDoc },
    },
    {
      method: 'GET',
      path: '/articles/:documentId/related',
      handler: 'search.related',
      // Suggestions come from the search index: the search permission, for every caller class that has it.
      config: { ...customRoute('locale', 'limit', 'digits'), auth: { scope: ['api::search.search.find'] } },
    },
  ],
};
