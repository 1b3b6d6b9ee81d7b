import { factories } from '@strapi/strapi';
import { coreRouterAccess } from '../../../lib/route-policies';

export default factories.createCoreRouter('api::site.site', { config: coreRouterAccess('single') });
