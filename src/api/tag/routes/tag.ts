import { factories } from '@strapi/strapi';
import { coreRouterAccess } from '../../../lib/route-policies';

export default factories.createCoreRouter('api::tag.tag', { config: coreRouterAccess() });
