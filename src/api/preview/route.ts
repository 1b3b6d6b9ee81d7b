import type { Core } from '@strapi/strapi';

/**
 * The preview page lives at /preview/… (not under /api: it is a page, not an
 * API), so it is added to the server's root router instead of the routes folders of src/api,
 * which Strapi always mounts under /api. The token is the only authorisation.
 */
export function registerPreviewRoute(strapi: Core.Strapi): void {
  strapi.server.routes([
    {
      method: 'GET',
      path: '/preview/articles/:documentId',
      handler: 'api::preview.preview.article',
      config: { auth: false },
    },
  ] as any);
}
