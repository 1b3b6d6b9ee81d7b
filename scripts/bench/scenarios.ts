/**
 * The scenarios. Each runs against one of two servers:
 * - `nocache`: CACHE_ENABLED=false, every request reaches the database
 *   (the vanilla baseline and the cold-cache numbers);
 * - `cache`: the production configuration, probed once first so the cache is warm.
 * Endpoints other branches add (feeds, search) are probed and reported as
 * "n/a (endpoint absent)" while they 404. Every read sends
 * `Accept-Encoding: gzip, br`, as real clients do.
 * The newsroom-day phases (mixed reads with an editor writing) are in
 * ./newsroom-mix.ts and ./newsroom.ts.
 */
import { rawRequest, type RawResponse } from './http-client';
import { NEWSROOM_GROUP, PHASE_IDS, READ_HEADERS } from './newsroom-mix';

export type Phase = 'nocache' | 'cache';

export interface Scenario {
  id: string;
  label: string;
  phase: Phase;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  expectStatus: number;
}

/** Ids of the single-URL scenarios, in table order (plus `nginx`, measured last). */
export const SCENARIO_IDS = [
  'baseline', 'list-cold', 'list-warm', 'slug-cold', 'slug-warm', 'graphql', 'graphql-cold', 'rss-200', 'rss-304', 'search-cold', 'search-warm',
] as const;

/** Every id `--only` accepts, in run order, and its group names. */
export const ONLY_IDS: readonly string[] = [...SCENARIO_IDS, 'nginx', ...PHASE_IDS];
export const ONLY_GROUPS: Record<string, readonly string[]> = { [NEWSROOM_GROUP]: PHASE_IDS };

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
  const get = (id: string, label: string, phase: Phase, path: string): Scenario => ({ id, label, phase, method: 'GET', path, headers: { ...READ_HEADERS }, expectStatus: 200 });
  const graphql = (id: string, label: string, phase: Phase): Scenario => ({
    id,
    label,
    phase,
    method: 'POST',
    path: '/graphql',
    headers: { ...READ_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ query: GRAPHQL_LIST }),
    expectStatus: 200,
  });
  const bySlug = `/api/articles/slug/${encodeURIComponent(slug)}`;
  const search = `/api/search?q=${encodeURIComponent(searchWord)}`;
  return [
    get('baseline', 'baseline: populate=* (vanilla, no cache)', 'nocache', '/api/articles?populate=*&pagination[pageSize]=20'),
    get('list-cold', 'article list, card preset, cold cache', 'nocache', LIST),
    get('list-warm', 'article list, card preset, warm cache', 'cache', LIST),
    get('slug-cold', 'by Arabic slug, full preset, cold cache', 'nocache', bySlug),
    get('slug-warm', 'by Arabic slug, full preset, warm cache', 'cache', bySlug),
    graphql('graphql', 'GraphQL list of 20 cards, cache on', 'cache'),
    graphql('graphql-cold', 'GraphQL list of 20 cards, no cache', 'nocache'),
    get('rss-200', 'RSS feed 200', 'cache', RSS),
    // If-None-Match is filled in from the 200's ETag when probing.
    { ...get('rss-304', 'RSS feed 304 (If-None-Match)', 'cache', RSS), expectStatus: 304 },
    get('search-cold', 'search, cold cache', 'nocache', search),
    get('search-warm', 'search, warm cache', 'cache', search),
  ];
}

export interface Probe {
  ok: boolean;
  note?: string;
  status: number;
  headers: RawResponse['headers'];
  /** The bytes as sent (compressed when the server compressed them). */
  body: Buffer;
}

const send = (base: string, s: Pick<Scenario, 'method' | 'path' | 'headers' | 'body'>) =>
  rawRequest(base + s.path, { method: s.method, headers: s.headers, body: s.body });

/** One request to check the scenario works (and warm a cache); explains why when it does not. */
export async function probe(base: string, s: Scenario): Promise<Probe> {
  const res = await send(base, s);
  const result: Probe = { ok: res.status === s.expectStatus, status: res.status, headers: res.headers, body: res.body };
  if (res.status === 404 || res.status === 405) result.note = 'endpoint absent';
  else if (!result.ok) result.note = `HTTP ${res.status}: ${res.text().slice(0, 160)}`;
  else if (s.path === '/graphql' && /"errors"/.test(res.text())) {
    result.ok = false;
    result.note = `GraphQL errors: ${res.text().slice(0, 160)}`;
  }
  return result;
}

/** Prepares the 304 scenario from the feed's validators; null with a reason when the feed gives none. */
export async function prepareConditional(base: string, s: Scenario): Promise<{ scenario: Scenario } | { note: string }> {
  const first = await send(base, { ...s, headers: { ...READ_HEADERS } });
  if (first.status === 404) return { note: 'endpoint absent' };
  const etag = first.headers.etag;
  const lastModified = first.headers['last-modified'];
  if (!etag && !lastModified) return { note: 'feed sends neither ETag nor Last-Modified' };
  const headers: Record<string, string> = { ...READ_HEADERS, ...(etag ? { 'if-none-match': etag } : { 'if-modified-since': lastModified! }) };
  const check = await send(base, { ...s, headers });
  if (check.status !== 304) return { note: `conditional GET answered ${check.status}, not 304` };
  return { scenario: { ...s, headers } };
}
