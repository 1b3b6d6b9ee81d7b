import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { checkPreviewToken, type PreviewTarget } from '../../../lib/preview-token';
import { PREVIEW_CSP } from '../../../lib/preview-page';
import { infra } from '../../../infra';
import { invalid, notFound, unauthorized } from '../../../infra/errors';
import type { PreviewGrant } from '../../../documents/read-access';
import type { PreviewConfig } from '../../../../config/preview';
import { previewService } from '../../services';

const REFUSALS = {
  missing: 'A preview token is required',
  invalid: 'The preview token is not valid for this article',
  expired: 'The preview link has expired: open the preview again from the admin',
} as const;

/**
 * GET /preview/articles/:documentId?locale=ar&status=draft&token=… — the page
 * behind the admin's Preview button. Only a valid, unexpired token signed for
 * exactly this document/locale/status opens it; nothing else ever shows a draft.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async article(ctx: Context) {
    const { documentId } = ctx.params;
    const { locale, status, token } = ctx.query;
    if (typeof locale !== 'string' || !(await infra(strapi).locales.isKnown(locale))) invalid('locale', 'must be a configured locale', 'Unknown or missing locale');
    if (status !== 'draft' && status !== 'published') invalid('status', 'must be draft or published');
    const target: PreviewTarget = { documentId, locale, status };
    const preview = strapi.config.get('preview') as PreviewConfig;
    const check = checkPreviewToken(token, target, preview.secret, Date.now(), preview.ttlSeconds);
    if (check !== 'ok') unauthorized('token', check, REFUSALS[check]);
    // The Document Service read guard opens this one version, and only it, for this request.
    ctx.state.previewGrant = { documentId, locale } satisfies PreviewGrant;

    const html = await previewService(strapi).renderArticle(target);
    if (!html) notFound('documentId', `No ${status} version of article ${documentId} in locale "${locale}"`);
    ctx.set('Content-Security-Policy', PREVIEW_CSP);
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex, nofollow');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = html;
  },
});
