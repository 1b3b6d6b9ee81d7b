import type { Core } from '@strapi/strapi';

/**
 * The desk's admin routes (controllers/desk.ts): the admin panel calls them
 * with its session, like the content-manager's own. Strapi mounts every
 * routes file of src/api under /api for the content API, so these are added
 * to the server's admin API from register (as src/api/preview/route.ts adds
 * the preview page). Authorization beyond "an admin session" is per story,
 * in the controller (the content-manager's permission checker).
 */
const ADMIN = { policies: ['admin::isAuthenticatedAdmin'] };
const handler = (name: string) => `api::article.desk.${name}`;

export const DESK_ROUTES = [
  { method: 'GET', path: '/articles/:id', handler: handler('state') },
  { method: 'GET', path: '/articles/:id/revisions', handler: handler('list') },
  { method: 'GET', path: '/articles/:id/published-at', handler: handler('publishedAt') },
  { method: 'POST', path: '/articles/:id/lock', handler: handler('lock') },
  { method: 'PUT', path: '/articles/:id/lock', handler: handler('heartbeat') },
  { method: 'DELETE', path: '/articles/:id/lock', handler: handler('unlock') },
  { method: 'POST', path: '/articles/:id/review', handler: handler('review') },
  { method: 'GET', path: '/review-queue', handler: handler('queue') },
  { method: 'GET', path: '/review-states', handler: handler('states') },
  { method: 'GET', path: '/revisions/:revisionId', handler: handler('findOne') },
  { method: 'GET', path: '/revisions/:revisionId/diff', handler: handler('diff') },
  { method: 'POST', path: '/revisions/:revisionId/restore', handler: handler('restore') },
].map((route) => ({ ...route, config: ADMIN }));

export const DESK_PREFIX = '/article-desk';

export function registerDeskRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({ type: 'admin', prefix: DESK_PREFIX, routes: DESK_ROUTES } as Parameters<Core.Strapi['server']['routes']>[0]);
}
