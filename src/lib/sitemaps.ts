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
}
export interface NewsEntry extends UrlEntry {
  title: string;
  published: Date;
}

async function write(stream: SitemapStream | SitemapIndexStream, items: Array<SitemapItemLoose | { url: string; lastmod?: string }>) {
  const done = streamToPromise(stream);
  for (const item of items) stream.write(item);
  stream.end();
  return (await done).toString('utf8');
}

export function renderUrlset(entries: UrlEntry[]): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: false, xhtml: false, image: false, video: false } });
  return write(stream, entries.map((e) => ({ url: e.url, lastmod: e.lastmod?.toISOString() })));
}

export function renderNewsSitemap(entries: NewsEntry[], publication: { name: string; language: string }): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } });
  return write(
    stream,
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

export function renderSitemapIndex(entries: UrlEntry[]): Promise<string> {
  return write(new SitemapIndexStream(), entries.map((e) => ({ url: e.url, lastmod: e.lastmod?.toISOString() })));
}
