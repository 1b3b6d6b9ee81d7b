import type { Core } from '@strapi/strapi';
import { renderBlocksToHtml } from '../../../lib/blocks-html';
import { renderPreviewPage } from '../../../lib/preview-page';
import type { PreviewTarget } from '../../../lib/preview-token';
import { presets } from '../../article/populate';
import type { ArticleFull } from '../../article/types';
import { siteService } from '../../services';
import { documentsOf } from '../../../infra/documents';

/** Loads one article version in the full preset and renders the preview page; null when it does not exist. */
const preview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async renderArticle({ documentId, locale, status }: PreviewTarget): Promise<string | null> {
    const article = (await documentsOf(strapi, 'api::article.article').findOne({ documentId, locale, status, populate: presets.full.populate })) as ArticleFull | null;
    if (!article) return null;
    const site = await siteService(strapi).settings(locale);
    return renderPreviewPage({
      article,
      locale,
      status,
      bodyHtml: renderBlocksToHtml(article.body, { locale }),
      siteName: site.name,
      baseUrl: site.baseUrl,
    });
  },
});

export type PreviewService = ReturnType<typeof preview>;
export default preview;
