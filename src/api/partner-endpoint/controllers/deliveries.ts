import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { invalid, notFound } from '../../../infra/errors';
import { outboxService } from '../../services';
import type { DeliveryStatus } from '../services/outbox';

const STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'dead'];

/** Admin API (src/bootstrap/partner-admin.ts): recent webhook deliveries and "resend". */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /partner-webhooks/deliveries?status=dead&endpoint=<documentId>&limit=50 */
  async find(ctx: Context) {
    const { status, endpoint, limit } = ctx.query as Record<string, unknown>;
    if (status !== undefined && !STATUSES.includes(status as DeliveryStatus)) invalid('status', `must be one of ${STATUSES.join(', ')}`);
    if (endpoint !== undefined && (typeof endpoint !== 'string' || !/^[a-z0-9]{1,64}$/.test(endpoint))) invalid('endpoint', 'must be a partner webhook documentId');
    if (limit !== undefined && !(typeof limit === 'string' && /^\d{1,3}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 200)) invalid('limit', 'must be an integer from 1 to 200');
    const data = await outboxService(strapi).deliveries({
      status: status as DeliveryStatus | undefined,
      endpoint: endpoint as string | undefined,
      limit: limit ? Number(limit) : 50,
    });
    ctx.body = { data };
  },

  /** POST /partner-webhooks/deliveries/:id/resend — due again now (delivered or dead ones). */
  async resend(ctx: Context) {
    const id = String(ctx.params.id ?? '');
    if (!/^\d{1,15}$/.test(id)) invalid('id', 'must be a delivery id');
    if (!(await outboxService(strapi).resend(Number(id)))) notFound('id', `No delivery ${id}`);
    ctx.body = { data: { id: Number(id), status: 'pending' } };
  },
});
