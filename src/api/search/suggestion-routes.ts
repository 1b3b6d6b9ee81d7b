import type { Core } from '@strapi/strapi';

/**
 * The admin's related-story suggestions (controllers/suggestions.ts): called by
 * the article edit view's suggestion list (src/admin/related-suggestions.tsx)
 * with its admin session. On the server's admin API, like the desk's routes
 * (src/api/article/desk-routes.ts), since every routes file of src/api is
 * mounted under /api for the content API.
 */
export const SUGGESTION_PREFIX = '/article-related';

export const SUGGESTION_ROUTES = [
  { method: 'POST', path: '/suggestions', handler: 'api::search.suggestions.suggest', config: { policies: ['admin::isAuthenticatedAdmin'] } },
];

export function registerSuggestionRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({ type: 'admin', prefix: SUGGESTION_PREFIX, routes: SUGGESTION_ROUTES } as Parameters<Core.Strapi['server']['routes']>[0]);
}
