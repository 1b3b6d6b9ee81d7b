/**
 * Shapes of articles as the presets load them, derived from the generated
 * schema types (types/generated): a renamed or removed attribute breaks the
 * compiler here, not a partner's feed.
 */
import type { Modules } from '@strapi/strapi';
import type { BlocksContent } from '../../lib/blocks-types';

export type ArticleDocument = Modules.Documents.Document<'api::article.article'>;
type Image = Pick<Modules.Documents.Document<'plugin::upload.file'>, 'url' | 'alternativeText' | 'caption' | 'width' | 'height' | 'mime' | 'formats'>;
type Named = Pick<Modules.Documents.Document<'api::section.section'>, 'name' | 'slug' | 'documentId'>;

/** The card preset (src/api/article/populate.ts): lists, feeds summaries, search results. */
export type ArticleCard = Pick<
  ArticleDocument,
  'documentId' | 'title' | 'slug' | 'excerpt' | 'firstPublishedAt' | 'isBreaking' | 'isLive' | 'coverageStartTime' | 'coverageEndTime' | 'readingTimeMinutes' | 'locale' | 'publishedAt' | 'updatedAt'
> & {
  cover?: { image?: Image | null; caption?: string | null; credit?: string | null; alt?: string | null } | null;
  section?: Named | null;
  authors?: Array<Named & { jobTitle?: string | null; avatar?: Image | null }> | null;
  tags?: Named[] | null;
  seo?: { metaDescription?: string | null; canonicalUrl?: string | null; ogImage?: Image | null } | null;
};

/** The full preset: detail, by-slug, partners' full-text feeds, preview. */
export type ArticleFull = ArticleCard &
  Partial<Pick<ArticleDocument, 'dateline' | 'source'>> & {
    /** Strapi types blocks loosely; every stored body passed checkBlocks (src/lib/input-rules.ts) on write. */
    body?: BlocksContent | null;
    seo?: { metaTitle?: string | null; metaDescription?: string | null; canonicalUrl?: string | null; noIndex?: boolean | null; ogImage?: Image | null } | null;
    corrections?: Array<{ date?: string | null; note?: string | null }> | null;
    relatedLinks?: Array<{ label?: string | null; url?: string | null; article?: { title?: string | null; slug?: string | null; locale?: string | null } | null }> | null;
  };
