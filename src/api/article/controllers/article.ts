import { factories } from '@strapi/strapi';
import { listQuery, withPreset } from '../services/article';
import { sendError } from '../../../services/http-errors';
import { refuseAnonymousDrafts } from '../../../services/access';

const UID = 'api::article.article';

export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    if (refuseAnonymousDrafts(ctx)) return;
    ctx.query = listQuery(ctx.query);
    return super.find(ctx);
  },

  async findOne(ctx) {
    if (refuseAnonymousDrafts(ctx)) return;
    ctx.query = withPreset(ctx.query, 'full');
    return super.findOne(ctx);
  },

  /** GET /api/articles/slug/:slug — the router has already percent-decoded an Arabic slug. */
  async findBySlug(ctx) {
    if (refuseAnonymousDrafts(ctx)) return;
    await this.validateQuery!(ctx);
    const query = await this.sanitizeQuery!(ctx);
    const { slug } = ctx.params;
    const doc = await strapi.service(UID).findBySlug(slug, withPreset(query, 'full'));
    if (!doc) {
      return sendError(ctx, 404, 'NotFoundError', `No article with slug "${slug}" in locale "${query.locale ?? 'ar'}"`, [
        { path: ['slug'], message: 'not found' },
      ]);
    }
    const sanitized = await this.sanitizeOutput!(doc, ctx);
    return this.transformResponse!(sanitized);
  },
}));
