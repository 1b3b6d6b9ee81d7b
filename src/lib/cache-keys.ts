/**
 * Cache keys for public responses: the same keys are the Surrogate-Key/Cache-Tag
 * header a CDN purges by and the tags our in-process cache evicts by.
 *
 *   article:<documentId>                    the article is shown
 *   section:<documentId> / section:<slug>   (also author:…, tag:…; slugs percent-encoded)
 *   file:<documentId>                       a media file is shown
 *   list:<locale>                           an unfiltered article list, feed, search or sitemap of one locale
 *   list:<locale>:section:<slug>            the same, filtered by a section (also :author:, :tag:)
 *   list                                    any other listing (other collections, multi-locale indexes,
 *                                           GraphQL): every public change to an article evicts it
 *   lists                                   on every listing: a section/author/tag change evicts them all
 *   graphql                                 a GraphQL GET response (also `lists list`): a media edit evicts it
 *   site                                    the site settings
 *
 * Only changes to what readers can see evict (src/documents/publication.ts):
 * a draft save evicts nothing; an English publish leaves Arabic lists alone.
 */
export type Attributes = Record<string, { type: string; target?: string; component?: string; components?: string[] }>;
export type SchemaLookup = (uid: string) => Attributes | undefined;

/** Content types whose documents we tag, and the key prefix for each. */
export const KEY_PREFIX: Record<string, string> = {
  'api::article.article': 'article',
  'api::author.author': 'author',
  'api::section.section': 'section',
  'api::tag.tag': 'tag',
  'api::site.site': 'site',
  'plugin::upload.file': 'file',
};

export const LIST_KEY = 'list';
export const LISTS_KEY = 'lists';
export const SITE_KEY = 'site';
export const GRAPHQL_KEY = 'graphql';

/** The relations an article list can be filtered by, as key kinds. */
export type ListScope = { kind: 'section' | 'author' | 'tag'; slug: string };

const encode = (slug: string) => encodeURIComponent(slug);

/** The key of the article lists of one locale, unfiltered or filtered by one relation. */
export function listKey(locale: string, scope?: ListScope): string {
  return scope ? `list:${encode(locale)}:${scope.kind}:${encode(scope.slug)}` : `list:${encode(locale)}`;
}

/** Keys of a listing response: its own scope plus `lists`. */
export function listingKeys(locale: string | null, scope?: ListScope): string[] {
  return [LISTS_KEY, locale === null ? LIST_KEY : listKey(locale, scope)];
}

/** Keys that identify one document: by documentId, and by slug for the types that have public slugs. */
export function documentKeys(uid: string, doc: { documentId?: unknown; slug?: unknown }): string[] {
  const prefix = KEY_PREFIX[uid];
  if (!prefix) return [];
  if (prefix === SITE_KEY) return [SITE_KEY];
  const keys: string[] = [];
  if (typeof doc.documentId === 'string') keys.push(`${prefix}:${doc.documentId}`);
  // Percent-encoded: Arabic slugs are not valid in an HTTP header.
  if (prefix !== 'article' && typeof doc.slug === 'string' && doc.slug) keys.push(`${prefix}:${encode(doc.slug)}`);
  return keys;
}

/** A published locale version of an article, as far as the cache keys care. */
export interface PublishedVersion {
  locale: string;
  section?: { slug?: string | null } | null;
  authors?: Array<{ slug?: string | null }> | null;
  tags?: Array<{ slug?: string | null }> | null;
}

/**
 * What a change to one article's published versions evicts, per changed
 * locale: the article, the unfiltered lists of that locale, the lists
 * filtered by each section/author/tag it had or has there, and the `list`
 * bucket. `before`/`after` are that locale's published versions around the write.
 */
export function articleChangeKeys(documentId: string, locale: string, versions: PublishedVersion[]): string[] {
  const keys = new Set<string>([`article:${documentId}`, LIST_KEY, listKey(locale)]);
  const add = (kind: ListScope['kind'], slug: string | null | undefined) => {
    if (slug) keys.add(listKey(locale, { kind, slug }));
  };
  for (const v of versions) {
    add('section', v.section?.slug);
    for (const a of v.authors ?? []) add('author', a.slug);
    for (const t of v.tags ?? []) add('tag', t.slug);
  }
  return [...keys];
}

/**
 * Walks a Strapi REST body (`{ data, meta }`) following the schema, so every
 * document the response shows — including populated relations and relations
 * inside components — contributes its keys. A collection adds `listing`
 * (the caller's scope keys, see listingKeys).
 */
export function collectKeys(body: unknown, rootUid: string, lookup: SchemaLookup, listing: string[] = [LISTS_KEY, LIST_KEY]): Set<string> {
  const keys = new Set<string>();
  const data = (body as { data?: unknown } | null)?.data;
  if (Array.isArray(data)) for (const k of listing) keys.add(k);

  const visit = (value: unknown, uid: string | undefined, depth: number): void => {
    if (!uid || value === null || typeof value !== 'object' || depth > 12) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, uid, depth);
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key of documentKeys(uid, record)) keys.add(key);
    const attributes = lookup(uid);
    if (!attributes) return;
    for (const [name, attr] of Object.entries(attributes)) {
      const child = record[name];
      if (child === undefined || child === null) continue;
      if (attr.type === 'relation') visit(child, attr.target, depth + 1);
      else if (attr.type === 'media') visit(child, 'plugin::upload.file', depth + 1);
      else if (attr.type === 'component') visit(child, attr.component, depth + 1);
      else if (attr.type === 'dynamiczone' && Array.isArray(child)) {
        for (const item of child) visit(item, (item as { __component?: string })?.__component, depth + 1);
      }
    }
  };
  visit(data, rootUid, 0);
  return keys;
}

/**
 * The cache key of a request: path plus the query with parameters sorted (so
 * `?a=1&b=2` and `?b=2&a=1` share an entry) and the default locale made explicit.
 */
export function requestKey(path: string, querystring: string, defaultLocale: string): string {
  const params = new URLSearchParams(querystring);
  if (!params.has('locale')) params.set('locale', defaultLocale);
  const sorted = [...params.entries()].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  return `${path}?${new URLSearchParams(sorted).toString()}`;
}

/**
 * Room for each of Surrogate-Key and Cache-Tag. Proxies cap the whole header block: nginx reads it into one
 * `proxy_buffer_size` (4 KB by default) and answers 502 past it ("upstream sent too big header": the soak
 * benchmark found 4 KB each did); CDNs take 16 KB. Lists lose nothing by the cut (their scope keys come first).
 */
export const KEY_HEADER_MAX_BYTES = 1200;

const isBroad = (key: string) => key === LIST_KEY || key === LISTS_KEY || key === SITE_KEY || key === GRAPHQL_KEY || key.startsWith('list:');

/**
 * The keys to print in a header, within `maxBytes`. Listing keys (list…,
 * lists, site) come first: every change to an article a list shows also
 * purges that list's scope key, so a list stays exactly purgeable even when
 * its per-document keys do not all fit. The in-process cache still indexes every key.
 */
export function headerKeys(keys: Iterable<string>, maxBytes = KEY_HEADER_MAX_BYTES): string[] {
  const all = [...new Set(keys)];
  const ordered = [...all.filter(isBroad), ...all.filter((k) => !isBroad(k))];
  const listing = all.some(isBroad);
  const out: string[] = [];
  let size = 0;
  for (const key of ordered) {
    const cost = Buffer.byteLength(key) + (out.length ? 1 : 0);
    if (size + cost > maxBytes) {
      if (listing) break; // the rest is covered by the listing keys
      continue; // a single document's keys: keep the ones that fit
    }
    out.push(key);
    size += cost;
  }
  return out;
}
