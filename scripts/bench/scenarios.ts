/**
 * The scenarios. Each runs against one of two servers:
 * - `nocache`: CACHE_ENABLED=false, every request reaches the database
 *   (the vanilla baseline and the cold-cache numbers);
 * - `cache`: the production configuration, probed once first so the cache is warm.
 * Endpoints other branches add (feeds, search) are probed and reported as
 * "n/a (endpoint absent)" while they 404.
 */

export type Phase = 'nocache' | 'cache';

export interface Scenario {
  id: string;
  label: string;
  phase: Phase;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  expectStatus: number;
}

export interface ScenarioInputs {
  /** A published Arabic slug. */
  slug: string;
  /** A word present in many articles. */
  searchWord: string;
}

const LIST = '/api/articles?pagination[pageSize]=20';
const GRAPHQL_LIST = `query Cards {
  articles(pagination: { pageSize: 20 }, sort: ["firstPublishedAt:desc"]) {
    documentId title slug excerpt firstPublishedAt isBreaking locale
    cover { image { url alternativeText width height formats } }
    section { name slug }
    authors { name slug }
    tags { name slug }
  }
}`;

export const RSS = '/api/feeds/rss';

export function scenarios({ slug, searchWord }: ScenarioInputs): Scenario[] {
  const get = (id: string, label: string, phase: Phase, path: string): Scenario => ({ id, label, phase, method: 'GET', path, expectStatus: 200 });
  const bySlug = `/api/articles/slug/${encodeURIComponent(slug)}`;
  const search = `/api/search?q=${encodeURIComponent(searchWord)}`;
  return [
    get('baseline', 'baseline: populate=* (vanilla, no cache)', 'nocache', '/api/articles?populate=*&pagination[pageSize]=20'),
    get('list-cold', 'article list, card preset, cold cache', 'nocache', LIST),
    get('list-warm', 'article list, card preset, warm cache', 'cache', LIST),
    get('slug-cold', 'by Arabic slug, full preset, cold cache', 'nocache', bySlug),
    get('slug-warm', 'by Arabic slug, full preset, warm cache', 'cache', bySlug),
    {
      id: 'graphql',
      label: 'GraphQL list of 20 cards',
      phase: 'cache',
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: GRAPHQL_LIST }),
      expectStatus: 200,
    },
    get('rss-200', 'RSS feed 200', 'cache', RSS),
    // If-None-Match is filled in from the 200's ETag when probing.
    { id: 'rss-304', label: 'RSS feed 304 (If-None-Match)', phase: 'cache', method: 'GET', path: RSS, expectStatus: 304 },
    get('search-cold', 'search, cold cache', 'nocache', search),
    get('search-warm', 'search, warm cache', 'cache', search),
  ];
}

export interface Probe {
  ok: boolean;
  note?: string;
  status: number;
  headers: Headers;
  body: Buffer;
}

/** One request to check the scenario works (and warm a cache); explains why when it does not. */
export async function probe(base: string, s: Scenario): Promise<Probe> {
  const res = await fetch(base + s.path, { method: s.method, headers: s.headers, body: s.body });
  const body = Buffer.from(await res.arrayBuffer());
  const result: Probe = { ok: res.status === s.expectStatus, status: res.status, headers: res.headers, body };
  if (res.status === 404 || res.status === 405) result.note = 'endpoint absent';
  else if (!result.ok) result.note = `HTTP ${res.status}: ${body.toString('utf8').slice(0, 160)}`;
  else if (s.path === '/graphql' && /"errors"/.test(body.toString('utf8'))) {
    result.ok = false;
    result.note = `GraphQL errors: ${body.toString('utf8').slice(0, 160)}`;
  }
  return result;
}

/** Prepares the 304 scenario from the feed's validators; null with a reason when the feed gives none. */
export async function prepareConditional(base: string, s: Scenario): Promise<{ scenario: Scenario } | { note: string }> {
  const first = await fetch(base + s.path);
  await first.arrayBuffer();
  if (first.status === 404) return { note: 'endpoint absent' };
  const etag = first.headers.get('etag');
  const lastModified = first.headers.get('last-modified');
  if (!etag && !lastModified) return { note: 'feed sends neither ETag nor Last-Modified' };
  const headers: Record<string, string> = etag ? { 'if-none-match': etag } : { 'if-modified-since': lastModified! };
  const check = await fetch(base + s.path, { headers });
  await check.arrayBuffer();
  if (check.status !== 304) return { note: `conditional GET answered ${check.status}, not 304` };
  return { scenario: { ...s, headers } };
}
