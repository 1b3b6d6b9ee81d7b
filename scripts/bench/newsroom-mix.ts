/**
 * The newsroom-day scenario (issue 12), its pure parts: the read mix of a real
 * site, the three phases and what their editor writes, and how a response
 * counts as served from cache. Unit-tested (tests/unit/bench-newsroom.test.ts).
 */
import { rng, type Random } from './text-bank';

export type ReadKind = 'front' | 'section' | 'slug' | 'rss';
export const READ_KINDS: readonly ReadKind[] = ['front', 'section', 'slug', 'rss'];

/** Share of requests per kind of read (sums to 1). */
export type MixWeights = Record<ReadKind, number>;

/** The mix: front page 20 %, five section pages 20 %, articles by slug 50 %, RSS 10 %. */
export const DEFAULT_WEIGHTS: MixWeights = { front: 0.2, section: 0.2, slug: 0.5, rss: 0.1 };

export const FRONT_PAGE = '/api/articles?pagination[pageSize]=20';
export const RSS_FEED = '/api/feeds/rss';
export const sectionPage = (slug: string) => `/api/articles?section=${encodeURIComponent(slug)}&pagination[pageSize]=20`;
export const slugPage = (slug: string) => `/api/articles/slug/${encodeURIComponent(slug)}`;

/** Every read sends this, as browsers and CDNs do. */
export const READ_HEADERS: Readonly<Record<string, string>> = { 'accept-encoding': 'gzip, br' };

export interface MixEntry {
  kind: ReadKind;
  /** Path and query, percent-encoded (autocannon writes it as the request line). */
  path: string;
}

export interface MixInputs {
  /** Section slugs (the issue: five). */
  sections: readonly string[];
  /** Published slugs, most read first: rank 1 gets the largest Zipf share. */
  slugs: readonly string[];
  weights?: MixWeights;
  /** Length of the schedule the load generator cycles through. */
  size?: number;
  seed?: number;
  /** Zipf exponent s (weight of rank k ∝ 1 / k^s). */
  zipfExponent?: number;
}

export const DEFAULT_MIX_SIZE = 10_000;
export const DEFAULT_MIX_SEED = 12;

/** Cumulative Zipf distribution over ranks 1..n (last entry exactly 1). */
export function zipfCdf(n: number, s = 1): number[] {
  if (n <= 0) return [];
  const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const cdf = weights.map((w) => (sum += w / total));
  cdf[n - 1] = 1;
  return cdf;
}

/** The rank (0-based) a uniform draw u ∈ [0, 1) falls on. */
export function zipfRank(cdf: readonly number[], u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cdf[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Counts per kind that add up to `size` exactly (largest remainders), in READ_KINDS order. */
export function kindCounts(weights: MixWeights, size: number): Record<ReadKind, number> {
  const total = READ_KINDS.reduce((a, k) => a + weights[k], 0);
  if (!(total > 0)) throw new Error('mix weights must add up to more than 0');
  const exact = READ_KINDS.map((k) => (weights[k] / total) * size);
  const counts = exact.map(Math.floor);
  let left = size - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return Object.fromEntries(READ_KINDS.map((k, i) => [k, counts[i]])) as Record<ReadKind, number>;
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * The schedule of reads: exact shares per kind, sections in equal turns,
 * slugs drawn by Zipf rank, then shuffled — all from one seed, so two runs
 * (and the three phases of a run) send the same sequence of URLs.
 */
export function buildMix(inputs: MixInputs): MixEntry[] {
  const { sections, slugs, weights = DEFAULT_WEIGHTS, size = DEFAULT_MIX_SIZE, seed = DEFAULT_MIX_SEED, zipfExponent = 1 } = inputs;
  const counts = kindCounts(weights, size);
  if (counts.section && !sections.length) throw new Error('the mix needs at least one section slug');
  if (counts.slug && !slugs.length) throw new Error('the mix needs at least one article slug');
  const random = rng(seed);
  const cdf = zipfCdf(slugs.length, zipfExponent);
  const entries: MixEntry[] = [];
  for (let i = 0; i < counts.front; i++) entries.push({ kind: 'front', path: FRONT_PAGE });
  for (let i = 0; i < counts.section; i++) entries.push({ kind: 'section', path: sectionPage(sections[i % sections.length]) });
  for (let i = 0; i < counts.slug; i++) entries.push({ kind: 'slug', path: slugPage(slugs[zipfRank(cdf, random())]) });
  for (let i = 0; i < counts.rss; i++) entries.push({ kind: 'rss', path: RSS_FEED });
  return shuffle(entries, random);
}

/** Each distinct URL of a mix once, in first-seen order (to warm the cache before a phase). */
export const distinctPaths = (mix: readonly MixEntry[]): MixEntry[] => {
  const seen = new Set<string>();
  return mix.filter((e) => !seen.has(e.path) && !!seen.add(e.path));
};

/** Share of each kind in a schedule (for the report and the tests). */
export function mixShares(mix: readonly MixEntry[]): Record<ReadKind, number> {
  const out = Object.fromEntries(READ_KINDS.map((k) => [k, 0])) as Record<ReadKind, number>;
  for (const e of mix) out[e.kind]++;
  for (const k of READ_KINDS) out[k] = mix.length ? out[k] / mix.length : 0;
  return out;
}

/** `X-Cache` values that mean the response came from the cache (a stale entry served while one request renders the new one counts). */
export const CACHE_SERVED = ['HIT', 'STALE'] as const;

/** The `X-Cache` header as a counter bucket: HIT, STALE, MISS, another value as it is, or 'absent'. */
export function cacheState(value: string | string[] | undefined | null): string {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  if (v === undefined || v === null || String(v).trim() === '') return 'absent';
  return String(v).trim().toUpperCase();
}

export const isCacheServed = (state: string) => (CACHE_SERVED as readonly string[]).includes(state);

/** Share of responses served from cache, from counts per X-Cache state; null without responses. */
export function cacheShare(states: Record<string, number>): number | null {
  let all = 0;
  let served = 0;
  for (const [state, n] of Object.entries(states)) {
    all += n;
    if (isCacheServed(state)) served += n;
  }
  return all ? served / all : null;
}

/** Case-insensitive header lookup in autocannon's header object (names as the server sent them). */
export function headerValue(headers: Record<string, string | string[]> | undefined, name: string): string | string[] | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export type PhaseId = 'quiet' | 'drafting' | 'publishing';
export const PHASE_IDS: readonly PhaseId[] = ['quiet', 'drafting', 'publishing'];
export const NEWSROOM_GROUP = 'newsroom-day';

export interface PhaseSpec {
  id: PhaseId;
  label: string;
  /** What the one editor does during the phase; null: nobody writes. */
  editor: null | {
    /** draft: PUT ?status=draft (must not publish); publish: PUT ?status=published (a new published version). */
    mode: 'draft' | 'publish';
    intervalMs: number;
  };
}

export const PHASES: readonly PhaseSpec[] = [
  { id: 'quiet', label: 'quiet: reads only', editor: null },
  { id: 'drafting', label: 'drafting: an editor saves a draft every 1 s', editor: { mode: 'draft', intervalMs: 1_000 } },
  { id: 'publishing', label: 'publishing: a live story republished every 5 s', editor: { mode: 'publish', intervalMs: 5_000 } },
];

/** When the editor's writes are due (ms from the phase start): the first after half an interval, then one per interval. */
export function writeSchedule(intervalMs: number, durationMs: number): number[] {
  const out: number[] = [];
  for (let t = intervalMs / 2; t < durationMs; t += intervalMs) out.push(t);
  return out;
}

/** Paragraph block of Strapi's blocks editor. */
export type Block = { type: 'paragraph'; children: Array<{ type: 'text'; text: string }> };

const EDIT_MARK = 'تحديث المحرر رقم';
const TITLE_MARK = /\s+—\s+تحديث \d+$/;

/**
 * The body an editor saves: the story as stored, without earlier bench edits,
 * plus one paragraph saying which save this is; the title gets ` — تحديث n`
 * (earlier suffixes replaced, so reruns on the same database do not grow it).
 */
export function editedArticle(original: { title: string; body: unknown }, n: number, mode: 'draft' | 'publish'): { title: string; body: Block[] } {
  const kept = (Array.isArray(original.body) ? (original.body as Block[]) : []).filter(
    (b) => !(b?.type === 'paragraph' && b.children?.[0]?.text?.startsWith(EDIT_MARK)),
  );
  const note = mode === 'draft' ? 'مسودة' : 'نشر';
  return {
    title: `${original.title.replace(TITLE_MARK, '')} — تحديث ${n}`,
    body: [...kept, { type: 'paragraph', children: [{ type: 'text', text: `${EDIT_MARK} ${n} (${note}): تفاصيل جديدة عن الخبر.` }] }],
  };
}
