/** One adapter per format over the same neutral items (src/lib/feed-item.ts). */
import type { FeedItem, FeedMeta } from '../feed-item';
import { ATOM_CONTENT_TYPE, renderAtom } from './atom';
import { JSON_FEED_CONTENT_TYPE, renderJsonFeed } from './jsonfeed';
import { NINJS_CONTENT_TYPE, renderNinjs } from './ninjs';
import { RSS_CONTENT_TYPE, renderRss } from './rss';

export const FEED_FORMATS = ['rss', 'atom', 'json', 'ninjs'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
export const isFeedFormat = (value: unknown): value is FeedFormat => FEED_FORMATS.includes(value as FeedFormat);

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: RSS_CONTENT_TYPE,
  atom: ATOM_CONTENT_TYPE,
  json: JSON_FEED_CONTENT_TYPE,
  ninjs: NINJS_CONTENT_TYPE,
};

export function renderFeed(format: FeedFormat, meta: FeedMeta, items: FeedItem[], baseUrl: string): string {
  switch (format) {
    case 'rss':
      return renderRss(meta, items, baseUrl);
    case 'atom':
      return renderAtom(meta, items, baseUrl);
    case 'json':
      return renderJsonFeed(meta, items);
    case 'ninjs':
      return renderNinjs(meta, items, baseUrl);
  }
}
