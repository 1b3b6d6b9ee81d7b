/**
 * schema.org NewsArticle for an article (LiveBlogPosting for live coverage), and its serialisation for a
 * <script type="application/ld+json"> element. The serialised text is still
 * valid JSON but contains no "<", ">" or "&" (escaped as \u003c…), so a
 * headline like "</script><script>…" cannot end the element early.
 */
import { articleUrl } from './article-url';
import { blocksToPlainText } from './blocks-text';
import { discoverRenditionsOf } from './renditions';

interface Named {
  name?: string | null;
  slug?: string | null;
}

interface ImageLike {
  url?: string | null;
  width?: number | null;
  height?: number | null;
  /** Strapi's `formats`: the Discover crops (discover_*) become the article's images. */
  formats?: unknown;
}

export interface ArticleForJsonLd {
  title?: string | null;
  excerpt?: string | null;
  slug?: string | null;
  locale?: string | null;
  firstPublishedAt?: string | Date | null;
  publishedAt?: string | Date | null;
  updatedAt?: string | Date | null;
  section?: Named | null;
  authors?: Named[] | null;
  tags?: Named[] | null;
  cover?: { image?: ImageLike | null } | null;
  seo?: { metaDescription?: string | null; ogImage?: ImageLike | null; canonicalUrl?: string | null } | null;
  /** Live coverage: a LiveBlogPosting with its newest entries as liveBlogUpdate. */
  isLive?: boolean | null;
  coverageStartTime?: string | Date | null;
  coverageEndTime?: string | Date | null;
  liveEntries?: LiveEntryForJsonLd[] | null;
}

/** An entry of a live coverage (src/lib/live.ts publicEntry), newest first. */
export interface LiveEntryForJsonLd {
  documentId: string;
  title?: string | null;
  body?: unknown;
  postedAt?: string | Date | null;
  updatedAt?: string | Date | null;
  authors?: Named[] | null;
  image?: ImageLike | null;
}

export interface PublisherInfo {
  name: string;
  baseUrl: string;
  logoUrl?: string | null;
}

export interface JsonLdOptions {
  /** Prefix for relative media URLs ("/uploads/…"): the public URL of this server. */
  mediaBaseUrl?: string;
  /** `workTranslation` / `translationOfWork` to the other editions (src/lib/hreflang.ts). */
  translations?: Record<string, unknown>;
}

const absolute = (url: string, base: string | undefined): string =>
  /^https?:\/\//i.test(url) || !base ? url : base.replace(/\/+$/, '') + (url.startsWith('/') ? url : `/${url}`);

const compact = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length))) as T;

const isoOf = (value: string | Date | null | undefined): string | undefined => (value instanceof Date ? value.toISOString() : (value ?? undefined));

const dimension = (n: unknown): number | undefined => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined);

/**
 * `image` as ImageObjects with their size: an image with Discover renditions
 * (16:9, 4:3, 1:1 at 1200 px, src/lib/renditions.ts) gives those three, as
 * Google asks for Discover and Top Stories; otherwise the image itself. One
 * entry per URL.
 */
function imageObjects(list: Array<ImageLike | null | undefined>, base: string) {
  const seen = new Set<string>();
  const out: Array<Record<string, unknown>> = [];
  const add = (url: string | null | undefined, width: unknown, height: unknown) => {
    if (typeof url !== 'string' || url === '') return;
    const href = absolute(url, base);
    if (seen.has(href)) return;
    seen.add(href);
    out.push(compact({ '@type': 'ImageObject', url: href, width: dimension(width), height: dimension(height) }));
  };
  for (const image of list) {
    if (!image) continue;
    const crops = discoverRenditionsOf(image.formats);
    if (crops.length) for (const c of crops) add(c.url, c.width, c.height);
    else add(image.url, image.width, image.height);
  }
  return out;
}

export function newsArticleJsonLd(article: ArticleForJsonLd, publisher: PublisherInfo, options: JsonLdOptions = {}) {
  const locale = article.locale ?? undefined;
  const base = publisher.baseUrl.replace(/\/+$/, '');
  const url =
    article.seo?.canonicalUrl ||
    (article.slug && locale ? articleUrl({ baseUrl: base, locale, sectionSlug: article.section?.slug, slug: article.slug }) : undefined);
  const images = imageObjects([article.cover?.image, article.seo?.ogImage], options.mediaBaseUrl ?? base);

  const person = (a: Named) =>
    compact({
      '@type': 'Person',
      name: a.name ?? undefined,
      url: a.slug && locale ? `${base}/${encodeURIComponent(locale)}/authors/${encodeURIComponent(a.slug)}` : undefined,
    });
  const live = article.isLive === true;
  const updates = live
    ? (article.liveEntries ?? []).map((e) => {
        const text = blocksToPlainText(e.body);
        return compact({
          '@type': 'BlogPosting',
          '@id': url ? `${url}#entry-${e.documentId}` : undefined,
          headline: e.title || text.slice(0, 110) || undefined,
          articleBody: text || undefined,
          datePublished: isoOf(e.postedAt),
          dateModified: isoOf(e.updatedAt),
          author: (e.authors ?? []).map(person),
          image: e.image?.url ? absolute(e.image.url, options.mediaBaseUrl ?? base) : undefined,
          url: url ? `${url}#entry-${e.documentId}` : undefined,
        });
      })
    : [];

  return compact({
    '@context': 'https://schema.org',
    '@type': live ? 'LiveBlogPosting' : 'NewsArticle',
    headline: article.title ?? undefined,
    description: article.seo?.metaDescription || article.excerpt || undefined,
    datePublished: isoOf(article.firstPublishedAt ?? article.publishedAt),
    dateModified: isoOf(article.updatedAt),
    author: (article.authors ?? []).map(person),
    publisher: compact({
      '@type': 'Organization',
      name: publisher.name,
      url: base,
      logo: publisher.logoUrl ? { '@type': 'ImageObject', url: absolute(publisher.logoUrl, options.mediaBaseUrl ?? base) } : undefined,
    }),
    image: images,
    inLanguage: locale,
    articleSection: article.section?.name ?? undefined,
    keywords: (article.tags ?? []).map((t) => t.name).filter((n): n is string => !!n),
    isAccessibleForFree: true,
    mainEntityOfPage: url ? { '@type': 'WebPage', '@id': url } : undefined,
    url,
    ...(options.translations ?? {}),
    coverageStartTime: live ? isoOf(article.coverageStartTime ?? article.firstPublishedAt ?? article.publishedAt) : undefined,
    coverageEndTime: live ? isoOf(article.coverageEndTime) : undefined,
    liveBlogUpdate: updates,
  });
}

/** JSON text safe to place verbatim inside <script type="application/ld+json">. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
