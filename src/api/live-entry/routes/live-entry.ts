import { factories } from '@strapi/strapi';
import { coreRouterAccess } from '../../../lib/route-policies';

/**
 * Writes only (API tokens, e.g. a desk tool): readers get entries through
 * /api/live/:documentId/entries, /stream and /feed, which check the coverage.
 */
const access = coreRouterAccess();
export default factories.createCoreRouter('api::live-entry.live-entry', {
  only: ['create', 'update', 'delete'],
  config: { create: access.create, update: access.update, delete: access.delete },
});
