import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { infra } from '../infra';

/**
 * First after the request log. While the node drains for a shutdown
 * (src/bootstrap/graceful-shutdown.ts): every response says
 * `Connection: close`, so the load balancer stops reusing this node's
 * connections, and `/_health` answers 503, so a health-checking balancer takes
 * the node out. Requests are still served in full.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (!infra(strapi).lifecycle.draining) return next();
    ctx.set('Connection', 'close');
    if (ctx.path === '/_health') {
      ctx.status = 503;
      ctx.set('Retry-After', '5');
      return;
    }
    await next();
    ctx.set('Connection', 'close');
  };
