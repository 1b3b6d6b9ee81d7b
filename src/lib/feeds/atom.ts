/** Atom 1.0 (RFC 4287) with xml:lang, Media RSS covers and rel="self"/"hub" links. */
import { generateAtomFeed, type AtomFeed } from 'feedsmith';
import type { FeedItem, FeedMeta } from '../feed-item';
import { categoryUrl } from '../feed-item';
import { compactCdata } from '../xml-text';
import { mediaContent } from './media';
import { feedLinks } from './links';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

function atomEntry(item: FeedItem, baseUrl: string): AtomFeed.Entry<Date> {
  return {
    id: item.id,
    title: { value: item.title, type: 'text' },
    links: [{ href: item.url, rel: 'alternate', type: 'text/html', hreflang: item.language }],
    published: item.published,
    updated: item.updated,
    authors: item.authors.map((a) => ({ name: a.name })),
    categories: item.categories.map((c) => ({ term: c.name, label: c.name, scheme: categoryUrl(baseUrl, item.language, c) })),
    summary: item.summary ? { value: item.summary, type: 'text' } : undefined,
    content: item.contentHtml ? { value: item.contentHtml, type: 'html' } : undefined,
    media: item.image ? { contents: [mediaContent(item.image)] } : undefined,
  };
}

export function renderAtom(meta: FeedMeta, items: FeedItem[], baseUrl: string): string {
  const feed: AtomFeed.Feed<Date> = {
    id: meta.selfUrl,
    title: { value: meta.title, type: 'text' },
    subtitle: { value: meta.description, type: 'text' },
    rights: meta.copyright ? { value: meta.copyright, type: 'text' } : undefined,
    updated: meta.updated,
    links: [{ href: meta.homeUrl, rel: 'alternate', type: 'text/html' }, ...feedLinks(meta, 'application/atom+xml')],
    xml: { lang: meta.language },
    entries: items.map((item) => atomEntry(item, baseUrl)),
  };
  return compactCdata(generateAtomFeed(feed));
}
