import type { Core } from '@strapi/strapi';
import { presets } from '../../article/populate';
import { renderBlocksToHtml } from '../../../lib/blocks-html';
import { renderPreviewPage } from '../../../lib/preview-page';
import type { PreviewTarget } from '../../../lib/preview-token';

/** Loads one article version in the full preset and renders the preview page; null when it does not exist. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async renderArticle({ documentId, locale, status }: PreviewTarget): Promise<string | null> {
    const article: any = await strapi.documents('api::article.article').findOne({
      documentId,
      locale,
      status,
      populate: presets.full.populate,
    } as any);
    if (!article) return null;
    const site: any = await strapi.documents('api::site.site').findFirst({ locale } as any);
    return renderPreviewPage({
      article,
      locale,
      status,
      bodyHtml: renderBlocksToHtml(article.body, { locale }),
      siteName: site?.name,
      baseUrl: site?.baseUrl,
    });
  },
});
