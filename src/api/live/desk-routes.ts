import type { Core } from '@strapi/strapi';

/**
 * The live-posting form's admin routes (controllers/desk.ts): the admin panel
 * calls them with its session, like the content-manager's own. Added to the
 * server's admin API from register, as the article desk's are
 * (src/api/article/desk-routes.ts). Who may do what is decided per coverage
 * and entry in the controller and the Document Service (src/lib/live-desk.ts).
 */
const ADMIN = { policies: ['admin::isAuthenticatedAdmin'] };
const handler = (name: string) => `api::live.desk.${name}`;

export const LIVE_DESK_PREFIX = '/live-desk';

export const LIVE_DESK_ROUTES = [
  { method: 'GET', path: '/coverage/:id', handler: handler('state') },
  { method: 'POST', path: '/coverage/:id/entries', handler: handler('create') },
  { method: 'PUT', path: '/entries/:entryId', handler: handler('update') },
  { method: 'DELETE', path: '/entries/:entryId', handler: handler('delete') },
].map((route) => ({ ...route, config: ADMIN }));

export function registerLiveDeskRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({ type: 'admin', prefix: LIVE_DESK_PREFIX, routes: LIVE_DESK_ROUTES } as Parameters<Core.Strapi['server']['routes']>[0]);
}
