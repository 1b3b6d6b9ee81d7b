import type { Core } from '@strapi/strapi';
import { PARTNER_ENDPOINT } from './newsroom-roles';

/**
 * Admin API of the partner webhooks: what was delivered, what is retrying,
 * what died, and "resend". Admin routes (admin JWT) for those who may read
 * partner endpoints — editors-in-chief (src/bootstrap/newsroom-roles.ts) and
 * super admins. Endpoints themselves are edited as the "Partner webhook"
 * content type in the content manager.
 */
export function registerPartnerAdminRoutes(strapi: Core.Strapi): void {
  const can = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'global::admin-can', config: { action, subject: PARTNER_ENDPOINT } }];
  strapi.server.routes({
    type: 'admin',
    prefix: '/partner-webhooks',
    routes: [
      { method: 'GET', path: '/deliveries', handler: 'api::partner-endpoint.deliveries.find', config: { policies: can('plugin::content-manager.explorer.read') } },
      {
        method: 'POST',
        path: '/deliveries/:id/resend',
        handler: 'api::partner-endpoint.deliveries.resend',
        config: { policies: can('plugin::content-manager.explorer.update') },
      },
    ],
  } as Parameters<Core.Strapi['server']['routes']>[0]);
}
