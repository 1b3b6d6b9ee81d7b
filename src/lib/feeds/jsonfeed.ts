/** JSON Feed 1.1. Items always carry content_html (partners) or content_text (the summary). */
import { generateJsonFeed, type JsonFeed } from 'feedsmith';
import type { FeedItem, FeedMeta } from '../feed-item';

export const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';

function jsonItem(item: FeedItem): JsonFeed.Item<Date> {
  const body = item.contentHtml ? { content_html: item.contentHtml } : { content_text: item.summary ?? item.title };
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    summary: item.summary,
    ...body,
    image: item.image?.url,
    date_published: item.published,
    date_modified: item.updated,
    authors: item.authors.map((a) => ({ name: a.name })),
    tags: item.categories.map((c) => c.name),
    language: item.language,
  };
}

export function renderJsonFeed(meta: FeedMeta, items: FeedItem[]): string {
  const feed: JsonFeed.Feed<Date> = {
    title: meta.title,
    home_page_url: meta.homeUrl,
    feed_url: meta.selfUrl,
    description: meta.description,
    language: meta.language,
    hubs: meta.hubUrl ? [{ type: 'WebSub', url: meta.hubUrl }] : undefined,
    items: items.map(jsonItem),
  };
  const generated = generateJsonFeed(feed) as Record<string, unknown>;
  // `items` is required even when empty (JSON Feed 1.1); feedsmith 3.0.1 drops an empty array.
  generated.items ??= [];
  // JSON Feed has no copyright field; extensions are objects under an underscore key.
  if (meta.copyright) generated._rights = { copyright: meta.copyright };
  return JSON.stringify(generated);
}
