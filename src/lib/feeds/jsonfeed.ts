/**
 * JSON Feed 1.1. Items always carry content_html (partners) or content_text (the summary).
 *
 * JSON Feed has no tombstone; its extension mechanism is an object under an
 * `_`-key, which readers that do not know it ignore. Every item carries
 * `_newsroom: { status, version }` (status = the ninjs pubstatus), and a
 * notice is an item with the story's own `id` and `url`, `_newsroom.status`
 * withheld/canceled, the reason as `content_text` and no title or body — so a
 * reader that ignores the extension shows a short notice, not the story.
 */
import { generateJsonFeed, type JsonFeed } from 'feedsmith';
import type { FeedItem, FeedMeta, FeedNotice } from '../feed-item';

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

const NOTICE_TEXT: Record<FeedNotice['status'], Record<string, string>> = {
  withheld: { ar: 'سُحبت هذه المادة مؤقتاً للمراجعة.', en: 'This story has been withheld pending review.' },
  canceled: { ar: 'أُلغيت هذه المادة نهائياً.', en: 'This story has been killed.' },
};

function jsonNotice(notice: FeedNotice): Record<string, unknown> {
  const text = NOTICE_TEXT[notice.status][notice.language] ?? NOTICE_TEXT[notice.status].en;
  return {
    id: notice.id,
    url: notice.url,
    content_text: notice.reason ? `${text} ${notice.reason}` : text,
    date_modified: notice.changed.toISOString(),
    language: notice.language,
    _newsroom: { status: notice.status, version: notice.version, ...(notice.reason ? { reason: notice.reason } : {}) },
  };
}

export function renderJsonFeed(meta: FeedMeta, items: FeedItem[], notices: FeedNotice[] = []): string {
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
  const rendered = generated.items as Array<Record<string, unknown>>;
  rendered.forEach((item, i) => (item._newsroom = { status: 'usable', ...(items[i].version ? { version: items[i].version } : {}) }));
  generated.items = [...notices.map(jsonNotice), ...rendered];
  // JSON Feed has no copyright field; extensions are objects under an underscore key.
  if (meta.copyright) generated._rights = { copyright: meta.copyright };
  return JSON.stringify(generated);
}
