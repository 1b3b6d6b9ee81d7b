/** Sitemap XML (sitemaps.org 0.9, Google News 0.9, sitemap index) from plain entries, via the `sitemap` package. */
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import { cleanText } from './feed-item';

/** Google News: only stories first published in the last 48 hours, at most 1000 per sitemap. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_MAX_ENTRIES = 1000;
export const SITEMAP_MAX_ENTRIES = 50000;

export interface UrlEntry {
  url: string;
  lastmod?: Date;
  /** Every edition of the page, itself included (hreflang: `xhtml:link rel="alternate"`); only when there are two or more. */
  alternates?: Array<{ locale: string; url: string }>;
}
export interface NewsEntry extends UrlEntry {
  title: string;
  published: Date;
}

/** The only namespaces we declare: sitemaps.org always, Google News on the news sitemap. */
interface Namespaces {
  news: boolean;
  xhtml?: boolean;
}

/*
 * An empty <urlset> is written here, not by the package: SitemapStream refuses to end without a URL
 * (EmptySitemap, "You ended the stream without writing anything", sitemap 9.0.1), yet a news sitemap is
 * empty after any 48 hours without a story, and Google says of that: "It won't cause any problems with
 * Google Search if the file is empty" (developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 * These are the bytes the package writes around its <url> elements (sitemap-stream.js: xmlDec,
 * urlsetTagStart, the xmlns:news attribute, closetag); tests/unit/sitemaps.test.ts compares them with the
 * package's own output, so an upgrade that changes either side fails there.
 */
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

function emptyUrlset(ns: Namespaces): string {
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}"${ns.news ? ` xmlns:news="${NEWS_NS}"` : ''}></urlset>`;
}

async function write(stream: SitemapStream | SitemapIndexStream, items: Array<SitemapItemLoose | { url: string; lastmod?: string }>) {
  const done = streamToPromise(stream);
  for (const item of items) stream.write(item);
  stream.end();
  return (await done).toString('utf8');
}

async function urlset(ns: Namespaces, items: SitemapItemLoose[]): Promise<string> {
  if (!items.length) return emptyUrlset(ns);
  return write(new SitemapStream({ xmlns: { news: ns.news, xhtml: ns.xhtml ?? false, image: false, video: false } }), items);
}

/** Article sitemap; entries with editions carry `xhtml:link rel="alternate" hreflang` for each (Google: every version lists all, itself too). */
export function renderUrlset(entries: UrlEntry[]): Promise<string> {
  const links = (e: UrlEntry) => (e.alternates && e.alternates.length > 1 ? e.alternates.map((a) => ({ lang: a.locale, url: a.url })) : undefined);
  return urlset(
    { news: false, xhtml: entries.some((e) => links(e)) },
    entries.map((e) => ({ url: e.url, lastmod: e.lastmod?.toISOString(), ...(links(e) ? { links: links(e) } : {}) })),
  );
}

export function renderNewsSitemap(entries: NewsEntry[], publication: { name: string; language: string }): Promise<string> {
  return urlset(
    { news: true },
    entries.map((e) => ({
      url: e.url,
      lastmod: e.lastmod?.toISOString(),
      news: {
        publication: { name: cleanText(publication.name), language: publication.language },
        publication_date: e.published.toISOString(),
        title: cleanText(e.title),
      },
    })),
  );
}

/** SitemapIndexStream writes an empty <sitemapindex> itself (it has no EmptySitemap check). */
export function renderSitemapIndex(entries: UrlEntry[]): Promise<string> {
  return write(new SitemapIndexStream(), entries.map((e) => ({ url: e.url, lastmod: e.lastmod?.toISOString() })));
}
