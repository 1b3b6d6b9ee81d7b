/**
 * Atom 1.0 (RFC 4287) with xml:lang, Media RSS covers and rel="self"/"hub" links.
 *
 * Kill and withhold notices are RFC 6721 tombstones (`at:deleted-entry`, the
 * standard way an Atom feed says an entry is gone: readers that implement it
 * remove the entry by its `ref`, the entry's own id), with the reason as
 * `at:comment` and the ninjs status and version in our namespace. A
 * tombstone, not an entry with a status, because an Atom reader that knows no
 * extension would otherwise show the notice as if it were the story.
 */
import { generateAtomFeed, type AtomFeed } from 'feedsmith';
import type { FeedItem, FeedMeta, FeedNotice } from '../feed-item';
import { categoryUrl } from '../feed-item';
import { compactCdata, stripXmlIllegal } from '../xml-text';
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

export const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';
export const NEWSROOM_NS = 'https://khaleeji247.example/ns/newsroom/1.0';

const xmlEscape = (text: string) =>
  stripXmlIllegal(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function tombstone(notice: FeedNotice): string {
  const comment = notice.reason ? `<at:comment xml:lang="${xmlEscape(notice.language)}">${xmlEscape(notice.reason)}</at:comment>` : '';
  return (
    `<at:deleted-entry ref="${xmlEscape(notice.id)}" when="${notice.changed.toISOString()}">` +
    `<link rel="alternate" href="${xmlEscape(notice.url)}"/>${comment}` +
    `<nr:pubstatus>${notice.status}</nr:pubstatus><nr:version>${notice.version}</nr:version></at:deleted-entry>`
  );
}

/** Adds the tombstones (and their namespaces) to a generated feed, after the entries. */
function withTombstones(xml: string, notices: FeedNotice[]): string {
  if (!notices.length) return xml;
  const opened = xml.replace(/<feed\b/, `<feed xmlns:at="${TOMBSTONES_NS}" xmlns:nr="${NEWSROOM_NS}"`);
  const end = opened.lastIndexOf('</feed>');
  return `${opened.slice(0, end)}${notices.map(tombstone).join('')}${opened.slice(end)}`;
}

export function renderAtom(meta: FeedMeta, items: FeedItem[], baseUrl: string, notices: FeedNotice[] = []): string {
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
  return withTombstones(compactCdata(generateAtomFeed(feed)), notices);
}
