/** One adapter per format over the same neutral items (src/lib/feed-item.ts). */
import type { FeedItem, FeedMeta, FeedNotice } from '../feed-item';
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

/** Formats that carry kill/withhold notices; RSS has no way to say it (the item just leaves). */
export const NOTICE_FORMATS: readonly FeedFormat[] = ['atom', 'json', 'ninjs'];

export function renderFeed(format: FeedFormat, meta: FeedMeta, items: FeedItem[], baseUrl: string, notices: FeedNotice[] = []): string {
  switch (format) {
    case 'rss':
      return renderRss(meta, items, baseUrl);
    case 'atom':
      return renderAtom(meta, items, baseUrl, notices);
    case 'json':
      return renderJsonFeed(meta, items, notices);
    case 'ninjs':
      return renderNinjs(meta, items, baseUrl, notices);
  }
}
