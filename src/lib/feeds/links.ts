import type { FeedMeta } from '../feed-item';

/** rel="self" (+ rel="hub" when a WebSub hub is configured), for atom:link / Atom link elements. */
export function feedLinks(meta: FeedMeta, selfType: string): Array<{ href: string; rel: string; type?: string }> {
  return [
    { href: meta.selfUrl, rel: 'self', type: selfType },
    ...(meta.hubUrl ? [{ href: meta.hubUrl, rel: 'hub' }] : []),
  ];
}
