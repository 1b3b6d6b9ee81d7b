import type { Core } from '@strapi/strapi';
import { isFeedFormat } from '../../../lib/feeds';
import { isTokenCaller } from '../../../services/access';
import { sendError } from '../../../services/http-errors';
import { respondWithValidators } from '../../../services/syndication-http';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/feeds/:format — summary for everyone, full text for API-token partners. */
  async find(ctx: any) {
    const { format } = ctx.params;
    if (!isFeedFormat(format)) return sendError(ctx, 404, 'NotFoundError', `Unknown feed format "${format}"`);
    const feeds = strapi.service('api::feed.feed') as any;
    const parsed = await feeds.parse(ctx.query);
    if (!parsed.ok) return sendError(ctx, parsed.status, undefined, parsed.message, parsed.errors);
    const access = isTokenCaller(ctx) ? 'partner' : 'public';
    const validators = await feeds.validators(format, parsed.ok, access);
    await respondWithValidators(ctx, validators, feeds.contentType(format), () => feeds.render(format, parsed.ok, access));
  },
});
