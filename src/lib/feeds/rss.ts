/** RSS 2.0 with Media RSS, Dublin Core (every author), content:encoded and atom:link (self, hub). */
import { generateRssFeed, type RssFeed } from 'feedsmith';
import type { FeedItem, FeedMeta } from '../feed-item';
import { categoryUrl } from '../feed-item';
import { compactCdata } from '../xml-text';
import { mediaContent } from './media';
import { feedLinks } from './links';

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

function rssItem(item: FeedItem, baseUrl: string): RssFeed.Item<Date> {
  return {
    title: item.title,
    link: item.url,
    // A urn is not a URL: isPermaLink="false" tells readers not to open it.
    guid: { value: item.id, isPermaLink: false },
    pubDate: item.published,
    description: item.summary,
    // Names never go in <author> (an e-mail field for aggregators).
    dc: item.authors.length ? { creators: item.authors.map((a) => a.name) } : undefined,
    categories: item.categories.map((c) => ({ name: c.name, domain: categoryUrl(baseUrl, item.language, c) })),
    content: item.contentHtml ? { encoded: item.contentHtml } : undefined,
    atom: { updated: item.updated },
    media: item.image ? { contents: [mediaContent(item.image)] } : undefined,
  };
}

export function renderRss(meta: FeedMeta, items: FeedItem[], baseUrl: string): string {
  const feed: RssFeed.Feed<Date> = {
    title: meta.title,
    link: meta.homeUrl,
    description: meta.description,
    language: meta.language,
    copyright: meta.copyright,
    lastBuildDate: meta.updated,
    atom: { links: feedLinks(meta, 'application/rss+xml') },
    items: items.map((item) => rssItem(item, baseUrl)),
  };
  return compactCdata(generateRssFeed(feed));
}
