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
  ],
};
