import type { MediaNs } from 'feedsmith';
import type { FeedImage } from '../feed-item';

/** Media RSS `media:content` for a cover (RSS items and Atom entries share it). */
export function mediaContent(image: FeedImage): MediaNs.Content {
  return {
    url: image.url,
    medium: 'image',
    type: image.type,
    width: image.width,
    height: image.height,
    credits: image.credit ? [{ value: image.credit }] : undefined,
    description: image.caption ? { value: image.caption, type: 'plain' } : undefined,
    title: image.alt ? { value: image.alt, type: 'plain' } : undefined,
  };
}
