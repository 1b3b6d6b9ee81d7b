import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { isFeedFormat } from '../../../lib/feeds';
import { isTokenCaller } from '../../../infra/access';
import { notFound } from '../../../infra/errors';
import { declareCacheKeys, respondWithValidators } from '../../../infra/http';
import { listingKeys, type ListScope } from '../../../lib/cache-keys';
import { feedService } from '../../services';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/feeds/:format — summary for everyone, full text for API-token partners. */
  async find(ctx: Context) {
    const { format } = ctx.params;
    if (!isFeedFormat(format)) notFound('format', `Unknown feed format "${format}"`);
    const feeds = feedService(strapi);
    const request = await feeds.parse(ctx.query);
    const filters = Object.entries(request.filters) as Array<[ListScope['kind'], string]>;
    declareCacheKeys(ctx, listingKeys(request.locale, filters.length === 1 ? { kind: filters[0][0], slug: filters[0][1] } : undefined));
    const access = isTokenCaller(ctx) ? 'partner' : 'public';
    const validators = await feeds.validators(format, request, access);
    await respondWithValidators(ctx, validators, feeds.contentType(format), () => feeds.render(format, request, access));
  },
});
