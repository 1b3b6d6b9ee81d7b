/**
 * Cache keys for public responses: the same keys are the Surrogate-Key/Cache-Tag
 * header a CDN purges by and the tags our in-process cache evicts by.
 *
 *   article:<documentId>             an article appears in the response
 *   section:<slug> / section:<documentId>   (also author:…, tag:…; slugs percent-encoded)
 *   list                             a collection, search result, feed or sitemap
 *   feed                             a syndication feed or sitemap
 *   site                             the site settings
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
};

export const LIST_KEY = 'list';
export const FEED_KEY = 'feed';
export const SITE_KEY = 'site';

/** Keys that identify one document: by documentId, and by slug for the types that have public slugs. */
export function documentKeys(uid: string, doc: { documentId?: unknown; slug?: unknown }): string[] {
  const prefix = KEY_PREFIX[uid];
  if (!prefix) return [];
  if (prefix === SITE_KEY) return [SITE_KEY];
  const keys: string[] = [];
  if (typeof doc.documentId === 'string') keys.push(`${prefix}:${doc.documentId}`);
  // Percent-encoded: Arabic slugs are not valid in an HTTP header.
  if (prefix !== 'article' && typeof doc.slug === 'string' && doc.slug) keys.push(`${prefix}:${encodeURIComponent(doc.slug)}`);
  return keys;
}

/**
 * Walks a Strapi REST body (`{ data, meta }`) following the schema, so every
 * document the response shows — including populated relations and relations
 * inside components — contributes its keys.
 */
export function collectKeys(body: unknown, rootUid: string, lookup: SchemaLookup): Set<string> {
  const keys = new Set<string>();
  const data = (body as { data?: unknown } | null)?.data;
  if (Array.isArray(data)) keys.add(LIST_KEY);

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

/** Room for each of Surrogate-Key and Cache-Tag: CDNs and HTTP clients cap header sizes (undici at 16 KB in all). */
export const KEY_HEADER_MAX_BYTES = 4096;

/**
 * The keys to print in a header, within `maxBytes`. Broad keys (list, feed,
 * site) come first: every write purges `list` and `feed`, so a list response
 * stays exactly purgeable even when its per-document keys do not all fit.
 * The in-process cache still indexes every key.
 */
export function headerKeys(keys: Iterable<string>, maxBytes = KEY_HEADER_MAX_BYTES): string[] {
  const broad = new Set([LIST_KEY, FEED_KEY, SITE_KEY]);
  const all = [...new Set(keys)];
  const ordered = [...all.filter((k) => broad.has(k)), ...all.filter((k) => !broad.has(k))];
  const out: string[] = [];
  let size = 0;
  for (const key of ordered) {
    const cost = Buffer.byteLength(key) + (out.length ? 1 : 0);
    if (size + cost > maxBytes) {
      if (all.includes(LIST_KEY)) break; // the rest is covered by `list`
      continue; // a single document's keys: keep the ones that fit
    }
    out.push(key);
    size += cost;
  }
  return out;
}
