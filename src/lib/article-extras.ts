/**
 * The language features added to every article in API responses:
 * a localized reading-time label, the first-publication date in Gregorian
 * and Hijri, and schema.org NewsArticle JSON-LD ready to embed.
 */
import { formatDate, type FormattedDate } from './dates';
import { newsArticleJsonLd, serializeJsonLd, type ArticleForJsonLd, type PublisherInfo } from './json-ld';
import { readingTimeLabel, type Digits } from './reading-time';
import { alternatesOf, translationJsonLd, type Alternate } from './hreflang';
import { maxImagePreviewOf, robotsContent } from './renditions';

export interface ExtrasContext {
  publisher: PublisherInfo;
  /** The published editions of each document (documentId → every locale's URL) and which is the original. */
  editions?: Map<string, { all: Alternate[]; original?: string }>;
  digits?: Digits;
  timeZone?: string;
  mediaBaseUrl?: string;
}

export interface ArticleExtras {
  readingTimeLabel?: string;
  dates: { firstPublishedAt: FormattedDate | null };
  /** JSON text for <script type="application/ld+json">, already escaped. */
  jsonLd: string;
  /** The other published editions (hreflang): `[{ locale, url }]`, empty when there is none. */
  alternates: Alternate[];
  /** The `<meta name="robots">` content the article page should carry (src/lib/renditions.ts robotsContent). */
  robots: string;
  /** The SEO block with `maxImagePreview` filled in ('large' when unset); absent when the article has none. */
  seo?: Record<string, unknown>;
}

type ArticleLike = ArticleForJsonLd & {
  readingTimeMinutes?: number | null;
  documentId?: string | null;
  seo?: (NonNullable<ArticleForJsonLd['seo']> & { noIndex?: boolean | null; maxImagePreview?: string | null }) | null;
};

export function articleDates(article: ArticleLike, options: { digits?: Digits; timeZone?: string }): ArticleExtras['dates'] {
  const first = article.firstPublishedAt;
  return { firstPublishedAt: first ? formatDate(first, article.locale ?? 'ar', options) : null };
}

export function articleReadingTimeLabel(article: ArticleLike, digits?: Digits): string | undefined {
  const minutes = article.readingTimeMinutes;
  return typeof minutes === 'number' ? readingTimeLabel(minutes, article.locale ?? 'ar', digits) : undefined;
}

export function articleExtras(article: ArticleLike, ctx: ExtrasContext): ArticleExtras {
  const locale = article.locale ?? 'ar';
  const edition = article.documentId ? ctx.editions?.get(article.documentId) : undefined;
  const all = edition?.all ?? [];
  const extras: ArticleExtras = {
    dates: articleDates(article, ctx),
    jsonLd: serializeJsonLd(newsArticleJsonLd(article, ctx.publisher, { mediaBaseUrl: ctx.mediaBaseUrl, translations: translationJsonLd(locale, all, edition?.original) })),
    alternates: alternatesOf(locale, all),
    robots: robotsContent({ noIndex: article.seo?.noIndex === true, maxImagePreview: maxImagePreviewOf(article.seo?.maxImagePreview) }),
  };
  if (article.seo && typeof article.seo === 'object') extras.seo = { ...article.seo, maxImagePreview: maxImagePreviewOf(article.seo.maxImagePreview) };
  const label = articleReadingTimeLabel(article, ctx.digits);
  if (label !== undefined) extras.readingTimeLabel = label;
  return extras;
}
