/**
 * The language features added to every article in API responses:
 * a localized reading-time label, the first-publication date in Gregorian
 * and Hijri, and schema.org NewsArticle JSON-LD ready to embed.
 */
import { formatDate, type FormattedDate } from './dates';
import { newsArticleJsonLd, serializeJsonLd, type ArticleForJsonLd, type PublisherInfo } from './json-ld';
import { readingTimeLabel, type Digits } from './reading-time';

export interface ExtrasContext {
  publisher: PublisherInfo;
  digits?: Digits;
  timeZone?: string;
  mediaBaseUrl?: string;
}

export interface ArticleExtras {
  readingTimeLabel?: string;
  dates: { firstPublishedAt: FormattedDate | null };
  /** JSON text for <script type="application/ld+json">, already escaped. */
  jsonLd: string;
}

type ArticleLike = ArticleForJsonLd & { readingTimeMinutes?: number | null };

export function articleDates(article: ArticleLike, options: { digits?: Digits; timeZone?: string }): ArticleExtras['dates'] {
  const first = article.firstPublishedAt;
  return { firstPublishedAt: first ? formatDate(first, article.locale ?? 'ar', options) : null };
}

export function articleReadingTimeLabel(article: ArticleLike, digits?: Digits): string | undefined {
  const minutes = article.readingTimeMinutes;
  return typeof minutes === 'number' ? readingTimeLabel(minutes, article.locale ?? 'ar', digits) : undefined;
}

export function articleExtras(article: ArticleLike, ctx: ExtrasContext): ArticleExtras {
  const extras: ArticleExtras = {
    dates: articleDates(article, ctx),
    jsonLd: serializeJsonLd(newsArticleJsonLd(article, ctx.publisher, { mediaBaseUrl: ctx.mediaBaseUrl })),
  };
  const label = articleReadingTimeLabel(article, ctx.digits);
  if (label !== undefined) extras.readingTimeLabel = label;
  return extras;
}
