import { factories } from '@strapi/strapi';
import { coreRouterAccess } from '../../../lib/route-policies';
import { articleList, articleOne } from '../openapi';

export default factories.createCoreRouter('api::article.article', { config: coreRouterAccess('collection', { find: articleList, findOne: articleOne }) });
