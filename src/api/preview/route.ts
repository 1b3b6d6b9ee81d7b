import type { Core } from '@strapi/strapi';

/**
 * The preview page lives at /preview/… (not under /api: it is a page, not an
 * API), so it is added to the server's root router instead of the routes folders of src/api,
 * which Strapi always mounts under /api. The token is the only authorisation.
 */
export function registerPreviewRoute(strapi: Core.Strapi): void {
  const routes: Parameters<Core.Strapi['server']['routes']>[0] = [
    { method: 'GET', path: '/preview/articles/:documentId', handler: 'api::preview.preview.article', config: { auth: false } },
  ];
  strapi.server.routes(routes);
}
