import type { MediaNs } from 'feedsmith';
import type { FeedImage } from '../feed-item';
import { largestRendition } from '../renditions';

/**
 * Media RSS `media:content` for a cover (RSS items and Atom entries share it):
 * its largest Discover rendition (≥ 1200 px wide) with its size in bytes, else the image itself.
 */
export function mediaContent(image: FeedImage): MediaNs.Content {
  const largest = largestRendition(image.renditions ?? []);
  return {
    url: largest?.url ?? image.url,
    medium: 'image',
    type: largest?.mime ?? image.type,
    width: largest?.width ?? image.width,
    height: largest?.height ?? image.height,
    fileSize: largest?.sizeInBytes,
    credits: image.credit ? [{ value: image.credit }] : undefined,
    description: image.caption ? { value: image.caption, type: 'plain' } : undefined,
    title: image.alt ? { value: image.alt, type: 'plain' } : undefined,
  };
}
