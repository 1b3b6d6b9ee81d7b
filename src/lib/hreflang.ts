/**
 * Editions of one story: the other locale versions a reader (or a search
 * engine) can switch to. Pure: the same URLs in API responses (`alternates`),
 * the article sitemap (`xhtml:link rel="alternate" hreflang`) and JSON-LD.
 */
import { articleUrl } from './article-url';

/** A published locale version of a document, as far as its URL and age go. */
export interface EditionVersion {
  documentId: string;
  locale: string;
  slug?: string | null;
  section?: { slug?: string | null } | null;
  firstPublishedAt?: string | Date | null;
}

export interface Alternate {
  locale: string;
  url: string;
}

export const editionUrl = (baseUrl: string, v: EditionVersion): string =>
  articleUrl({ baseUrl, locale: v.locale, sectionSlug: v.section?.slug, slug: v.slug || v.documentId });

/** Every published edition of the document, sorted by locale (itself included: hreflang sets list every version). */
export function editions(baseUrl: string, versions: EditionVersion[]): Alternate[] {
  return versions
    .map((v) => ({ locale: v.locale, url: editionUrl(baseUrl, v) }))
    .sort((a, b) => a.locale.localeCompare(b.locale));
}

/** The other published editions of `locale` (what `alternates` in an article response lists). */
export const alternatesOf = (locale: string, all: Alternate[]): Alternate[] => all.filter((a) => a.locale !== locale);

const ms = (d: string | Date | null | undefined) => (d ? new Date(d).getTime() : Number.POSITIVE_INFINITY);

/**
 * Which edition is the original: the one first published (ties: the default
 * locale, then alphabetical). The others are its translations. schema.org
 * `workTranslation`/`translationOfWork` say exactly that, where `sameAs`
 * would claim the two pages are the same work in the same words.
 */
export function originalLocale(versions: EditionVersion[], defaultLocale: string): string | undefined {
  return [...versions].sort((a, b) => ms(a.firstPublishedAt) - ms(b.firstPublishedAt) || (a.locale === defaultLocale ? -1 : b.locale === defaultLocale ? 1 : a.locale.localeCompare(b.locale)))[0]?.locale;
}

/** JSON-LD members linking an edition to its original or translations. */
export function translationJsonLd(locale: string, all: Alternate[], original: string | undefined): Record<string, unknown> {
  const others = alternatesOf(locale, all);
  if (!others.length || !original) return {};
  const ref = (a: Alternate) => ({ '@type': 'NewsArticle', '@id': a.url, url: a.url, inLanguage: a.locale });
  if (locale === original) return { workTranslation: others.map(ref) };
  const source = all.find((a) => a.locale === original);
  return source ? { translationOfWork: ref(source) } : {};
}
