/**
 * Article (as loaded with the card/full preset) → one neutral feed item, and the
 * site single type → feed-level metadata. Every format adapter (src/lib/feeds/*)
 * reads only these shapes, so what a partner gets cannot drift between formats.
 * Pure: no Strapi imports.
 */
import crypto from 'node:crypto';
import { articleUrl } from './article-url';
import { renderBlocksToHtml } from './blocks-html';
import type { BlocksContent } from './blocks-types';
import { stripXmlIllegal } from './xml-text';
import { discoverRenditionsOf, type StoredRendition } from './renditions';

interface Named {
  name?: string | null;
  slug?: string | null;
}
interface ImageLike {
  url?: string | null;
  alternativeText?: string | null;
  caption?: string | null;
  width?: number | null;
  height?: number | null;
  mime?: string | null;
  /** Strapi's `formats`: the Discover crops (src/lib/renditions.ts) are listed with the image. */
  formats?: unknown;
}

/** The fields of an article the feeds use (card preset; `body` only with the full preset). */
export interface FeedArticle {
  documentId: string;
  locale?: string | null;
  title?: string | null;
  slug?: string | null;
  excerpt?: string | null;
  body?: BlocksContent | null;
  firstPublishedAt?: string | Date | null;
  publishedAt?: string | Date | null;
  updatedAt?: string | Date | null;
  section?: Named | null;
  authors?: Named[] | null;
  tags?: Named[] | null;
  cover?: { image?: ImageLike | null; caption?: string | null; credit?: string | null; alt?: string | null } | null;
}

export interface SiteInfo {
  name?: string | null;
  description?: string | null;
  copyright?: string | null;
  baseUrl?: string | null;
  updatedAt?: string | Date | null;
}

export interface FeedPerson {
  name: string;
  slug?: string;
}
export interface FeedCategory {
  kind: 'section' | 'tag';
  name: string;
  slug: string;
}
export interface FeedImage {
  url: string;
  type?: string;
  width?: number;
  height?: number;
  /** The Discover crops (16:9, 4:3, 1:1), absolute URLs; Media RSS carries the largest. */
  renditions?: StoredRendition[];
  caption?: string;
  credit?: string;
  alt?: string;
}

export interface FeedItem {
  /** Stable for the life of the story in this locale: never derived from the (editable) slug or title. */
  id: string;
  url: string;
  title: string;
  summary?: string;
  /** Sanitized HTML body: only for partners (full text). */
  contentHtml?: string;
  published: Date;
  updated: Date;
  authors: FeedPerson[];
  categories: FeedCategory[];
  image?: FeedImage;
  language: string;
  /** ninjs `version`: bumped on every public change of this locale version (src/api/feed/services/notices.ts). */
  version?: number;
}

/**
 * A kill or withhold notice: the story left the feed, partners must act. It
 * carries the story's ids, the editor's reason and the new version — never a
 * headline or body (a legal withhold may be about exactly those).
 */
export interface FeedNotice {
  /** The same stable id the story had (ninjs uri, Atom id, JSON Feed id). */
  id: string;
  url: string;
  language: string;
  status: 'withheld' | 'canceled';
  reason?: string;
  version: number;
  /** When it was taken down (ninjs versioncreated, Atom tombstone `when`). */
  changed: Date;
  firstCreated?: Date;
}

export interface FeedMeta {
  title: string;
  description: string;
  copyright?: string;
  /** The site's home page in this locale. */
  homeUrl: string;
  /** This feed's canonical URL (rel="self"; the WebSub topic). */
  selfUrl: string;
  hubUrl?: string;
  language: string;
  updated: Date;
}

export const DEFAULT_BASE_URL = 'https://khaleeji247.example';

/**
 * Plain-text fields (titles, summaries, names, captions) for XML and JSON consumers:
 * XML-illegal characters removed, outer whitespace trimmed, and anything shaped like
 * an HTML tag or comment dropped, because many readers render RSS titles and
 * descriptions as HTML. "A < B" and Arabic text pass unchanged.
 */
const TAG_LIKE = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>?/g;
export const cleanText = (value: unknown): string =>
  typeof value === 'string' ? stripXmlIllegal(value).replace(TAG_LIKE, '').trim() : '';

const optionalText = (value: unknown): string | undefined => cleanText(value) || undefined;

const toDate = (value: unknown): Date | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/**
 * `urn:uuid:` built from the documentId and locale (a name-based, RFC 4122
 * version-5-style UUID): stable across edits and slug changes, different per locale.
 */
export function stableId(documentId: string, locale: string, kind: 'article' | 'live-entry' = 'article'): string {
  const hash = crypto.createHash('sha1').update(`khaleeji247:${kind}:${documentId}:${locale}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Resolves a media URL (`/uploads/x.jpg` from the local provider) against the public media origin. */
export function absoluteUrl(url: string, base: string): string | undefined {
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

const positiveInt = (n: unknown): number | undefined => (Number.isInteger(n) && (n as number) > 0 ? (n as number) : undefined);

function coverImage(cover: FeedArticle['cover'], mediaBaseUrl: string): FeedImage | undefined {
  const image = cover?.image;
  const url = image?.url ? absoluteUrl(image.url, mediaBaseUrl) : undefined;
  if (!image || !url) return undefined;
  const renditions = discoverRenditionsOf(image.formats).flatMap((r) => {
    const href = absoluteUrl(r.url, mediaBaseUrl);
    return href ? [{ ...r, url: href }] : [];
  });
  return {
    url,
    type: optionalText(image.mime),
    width: positiveInt(image.width),
    height: positiveInt(image.height),
    renditions: renditions.length ? renditions : undefined,
    caption: optionalText(cover?.caption) ?? optionalText(image.caption),
    credit: optionalText(cover?.credit),
    alt: optionalText(cover?.alt) ?? optionalText(image.alternativeText),
  };
}

const named = (list: Named[] | null | undefined): Array<{ name: string; slug: string }> =>
  (list ?? [])
    .map((n) => ({ name: cleanText(n?.name), slug: cleanText(n?.slug) }))
    .filter((n) => n.name !== '');

export interface FeedItemOptions {
  site: SiteInfo;
  locale: string;
  /** Partners get the rendered body. */
  fullText: boolean;
  /** Origin for site-relative media URLs; defaults to the site's baseUrl. */
  mediaBaseUrl?: string;
}

export function toFeedItem(article: FeedArticle, { site, locale, fullText, mediaBaseUrl }: FeedItemOptions): FeedItem {
  const baseUrl = site.baseUrl || DEFAULT_BASE_URL;
  const mediaBase = mediaBaseUrl || baseUrl;
  const itemLocale = article.locale || locale;
  const updated = toDate(article.updatedAt) ?? toDate(article.publishedAt) ?? new Date(0);
  const published = toDate(article.firstPublishedAt) ?? toDate(article.publishedAt) ?? updated;
  const section = named(article.section ? [article.section] : [])[0];
  const contentHtml = fullText ? renderBlocksToHtml(article.body, { locale: itemLocale, baseUrl: mediaBase }) : '';
  return {
    id: stableId(article.documentId, itemLocale),
    url: articleUrl({ baseUrl, locale: itemLocale, sectionSlug: section?.slug, slug: cleanText(article.slug) || article.documentId }),
    title: cleanText(article.title),
    summary: optionalText(article.excerpt),
    contentHtml: contentHtml || undefined,
    published,
    updated,
    authors: named(article.authors),
    categories: [
      ...(section ? [{ kind: 'section' as const, ...section }] : []),
      ...named(article.tags).map((t) => ({ kind: 'tag' as const, ...t })),
    ],
    image: coverImage(article.cover, mediaBase),
    language: itemLocale,
  };
}

export interface FeedMetaOptions {
  site: SiteInfo;
  locale: string;
  selfUrl: string;
  hubUrl?: string;
  items: FeedItem[];
  /** Appended to the title for filtered feeds, e.g. the section name. */
  subtitle?: string;
}

export function toFeedMeta({ site, locale, selfUrl, hubUrl, items, subtitle }: FeedMetaOptions): FeedMeta {
  const baseUrl = (site.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
  const name = cleanText(site.name) || new URL(baseUrl).hostname;
  const newest = Math.max(0, ...items.map((i) => i.updated.getTime()), toDate(site.updatedAt)?.getTime() ?? 0);
  return {
    title: subtitle ? `${name} — ${cleanText(subtitle)}` : name,
    description: cleanText(site.description) || name,
    copyright: optionalText(site.copyright),
    homeUrl: `${baseUrl}/${encodeURIComponent(locale)}`,
    selfUrl,
    hubUrl: hubUrl || undefined,
    language: locale,
    updated: new Date(newest),
  };
}

/** Category page on the public site (used as RSS domain / Atom scheme / ninjs subject uri). */
export function categoryUrl(baseUrl: string, locale: string, category: FeedCategory): string {
  const base = `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(locale)}`;
  return category.kind === 'section'
    ? `${base}/${encodeURIComponent(category.slug)}`
    : `${base}/tag/${encodeURIComponent(category.slug)}`;
}
