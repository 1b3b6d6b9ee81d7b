/**
 * IPTC ninjs 2.x items (field names per the 2.x schema: headlines, bodies,
 * versioncreated…). Served as a JSON array of news items.
 */
import type { FeedItem, FeedMeta, FeedNotice } from '../feed-item';
import { categoryUrl } from '../feed-item';

export const NINJS_CONTENT_TYPE = 'application/json; charset=utf-8';
const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json';

export interface NinjsItem {
  uri: string;
  standard: { name: 'ninjs'; version: string; schema: string };
  type: 'text';
  representationtype?: 'full' | 'partial';
  version?: string;
  firstcreated?: string;
  versioncreated: string;
  pubstatus: 'usable' | 'withheld' | 'canceled';
  language: string;
  copyrightnotice?: string;
  headlines?: Array<{ role: string; contenttype: string; value: string }>;
  descriptions?: Array<{ role: string; contenttype: string; value: string }>;
  bodies?: Array<{ role: string; contenttype: string; value: string }>;
  by?: string;
  people?: Array<{ name: string; rel: string }>;
  subjects?: Array<{ name: string; rel: string; uri: string }>;
  altids: Array<{ role: string; value: string }>;
  associations?: Array<Record<string, unknown>>;
}

function ninjsItem(item: FeedItem, meta: FeedMeta, baseUrl: string): NinjsItem {
  const { image } = item;
  return {
    uri: item.id,
    standard: { name: 'ninjs', version: '2.1', schema: NINJS_SCHEMA },
    type: 'text',
    representationtype: item.contentHtml ? 'full' : 'partial',
    version: item.version ? String(item.version) : undefined,
    firstcreated: item.published.toISOString(),
    versioncreated: item.updated.toISOString(),
    pubstatus: 'usable',
    language: item.language,
    copyrightnotice: meta.copyright,
    headlines: [{ role: 'main', contenttype: 'text/plain', value: item.title }],
    descriptions: item.summary ? [{ role: 'summary', contenttype: 'text/plain', value: item.summary }] : undefined,
    bodies: item.contentHtml ? [{ role: 'main', contenttype: 'text/html', value: item.contentHtml }] : undefined,
    by: item.authors.length ? item.authors.map((a) => a.name).join('، ') : undefined,
    people: item.authors.length ? item.authors.map((a) => ({ name: a.name, rel: 'author' })) : undefined,
    subjects: item.categories.length
      ? item.categories.map((c) => ({ name: c.name, rel: c.kind, uri: categoryUrl(baseUrl, item.language, c) }))
      : undefined,
    altids: [{ role: 'permalink', value: item.url }],
    associations: image
      ? [
          {
            name: 'cover',
            uri: image.url,
            type: 'picture',
            ...(image.caption ? { descriptions: [{ role: 'caption', contenttype: 'text/plain', value: image.caption }] } : {}),
            ...(image.credit ? { by: image.credit } : {}),
            renditions: [
              { name: 'original', href: image.url, contenttype: image.type, width: image.width, height: image.height },
              // The Discover crops: ninjs rendition names are free text; the ratio names them.
              ...(image.renditions ?? []).map((r) => ({
                name: `discover-${r.name}`,
                href: r.url,
                contenttype: r.mime ?? image.type,
                width: r.width,
                height: r.height,
                ...(r.sizeInBytes ? { sizeinbytes: r.sizeInBytes } : {}),
              })),
            ],
          },
        ]
      : undefined,
  };
}

/**
 * A notice: the same `uri`, a new `version` and `versioncreated`, `pubstatus`
 * withheld or canceled, the editor's reason as an `ednote` description — and
 * no headline, description or body.
 */
function ninjsNotice(notice: FeedNotice): NinjsItem {
  return {
    uri: notice.id,
    standard: { name: 'ninjs', version: '2.1', schema: NINJS_SCHEMA },
    type: 'text',
    version: String(notice.version),
    firstcreated: notice.firstCreated?.toISOString(),
    versioncreated: notice.changed.toISOString(),
    pubstatus: notice.status,
    language: notice.language,
    descriptions: notice.reason ? [{ role: 'ednote', contenttype: 'text/plain', value: notice.reason }] : undefined,
    altids: [{ role: 'permalink', value: notice.url }],
  };
}

/** Drops undefined members so validators and partners see absent fields, not nulls. */
const compact = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Notices first (newest first), then the live items. */
export function renderNinjs(meta: FeedMeta, items: FeedItem[], baseUrl: string, notices: FeedNotice[] = []): string {
  return JSON.stringify(compact([...notices.map(ninjsNotice), ...items.map((item) => ninjsItem(item, meta, baseUrl))]));
}
