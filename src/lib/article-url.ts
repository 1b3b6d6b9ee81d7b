/**
 * Public article URLs: {baseUrl}/{locale}/{section-slug}/{article-slug}, with
 * Arabic path segments percent-encoded (RFC 3986), as feeds, sitemaps, JSON-LD
 * and previews must all print the same address for the same story.
 */
export interface ArticleUrlParts {
  baseUrl: string;
  locale: string;
  sectionSlug?: string | null;
  slug: string;
}

export function articleUrl({ baseUrl, locale, sectionSlug, slug }: ArticleUrlParts): string {
  const segments = [locale, sectionSlug || 'news', slug].map(encodeURIComponent);
  return `${baseUrl.replace(/\/+$/, '')}/${segments.join('/')}`;
}
