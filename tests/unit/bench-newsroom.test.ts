import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runMix } from '../../scripts/bench/load';
import {
  buildMix, cacheShare, cacheState, DEFAULT_WEIGHTS, distinctPaths, editedArticle, FRONT_PAGE, headerValue, isCacheServed, kindCounts,
  mixShares, PHASES, READ_HEADERS, RSS_FEED, sectionPage, slugPage, writeSchedule, zipfCdf, zipfRank,
} from '../../scripts/bench/newsroom-mix';

const sections = ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'تقنية'];
const slugs = Array.from({ length: 200 }, (_, i) => `خبر-رقم-${i + 1}`);

describe('Zipf ranks', () => {
  it('gives rank k a weight ∝ 1/k and a cumulative distribution ending at exactly 1', () => {
    const cdf = zipfCdf(4);
    const h = 1 + 1 / 2 + 1 / 3 + 1 / 4;
    expect(cdf[0]).toBeCloseTo(1 / h, 12);
    expect(cdf[1] - cdf[0]).toBeCloseTo(1 / 2 / h, 12);
    expect(cdf[3]).toBe(1);
    expect(zipfCdf(0)).toEqual([]);
  });

  it('maps a uniform draw onto the rank whose interval holds it', () => {
    const cdf = [0.5, 0.75, 1];
    expect([0, 0.49, 0.5, 0.74, 0.75, 0.999].map((u) => zipfRank(cdf, u))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('the newsroom-day read mix', () => {
  const mix = buildMix({ sections, slugs });

  it('splits the schedule exactly by the weights, sections in equal turns', () => {
    expect(mix).toHaveLength(10_000);
    expect(mixShares(mix)).toEqual({ front: 0.2, section: 0.2, slug: 0.5, rss: 0.1 });
    const perSection = sections.map((s) => mix.filter((e) => e.path === sectionPage(s)).length);
    expect(perSection).toEqual([400, 400, 400, 400, 400]);
    expect(mix.filter((e) => e.kind === 'front').every((e) => e.path === FRONT_PAGE)).toBe(true);
    expect(mix.filter((e) => e.kind === 'rss').every((e) => e.path === RSS_FEED)).toBe(true);
  });

  it('rounds uneven weights to counts that still add up', () => {
    expect(kindCounts({ front: 1, section: 1, slug: 1, rss: 0 }, 100)).toEqual({ front: 34, section: 33, slug: 33, rss: 0 });
    expect(() => kindCounts({ front: 0, section: 0, slug: 0, rss: 0 }, 10)).toThrow('more than 0');
  });

  it('is the same sequence for the same seed and another for another seed', () => {
    expect(buildMix({ sections, slugs })).toEqual(mix);
    const other = buildMix({ sections, slugs, seed: 13 });
    expect(other).not.toEqual(mix);
    expect(mixShares(other)).toEqual(mixShares(mix));
  });

  it('is shuffled, not in blocks of one kind', () => {
    const firstHundred = mixShares(mix.slice(0, 100));
    for (const kind of ['front', 'section', 'slug', 'rss'] as const) expect(firstHundred[kind]).toBeGreaterThan(0);
  });

  it('draws slugs skewed toward the first ranks (Zipf s = 1 over 200 slugs)', () => {
    const bySlug = mix.filter((e) => e.kind === 'slug');
    const count = (i: number) => bySlug.filter((e) => e.path === slugPage(slugs[i])).length;
    const h200 = Array.from({ length: 200 }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b, 0);
    // rank 1 expects 5,000 / H(200) ≈ 851 draws; allow the sampling noise of one seed.
    expect(count(0)).toBeGreaterThan((5_000 / h200) * 0.9);
    expect(count(0)).toBeLessThan((5_000 / h200) * 1.1);
    expect(count(0)).toBeGreaterThan(count(1));
    expect(count(1)).toBeGreaterThan(count(9));
    const top10 = slugs.slice(0, 10).reduce((n, _s, i) => n + count(i), 0);
    expect(top10 / bySlug.length).toBeGreaterThan(0.45); // H(10)/H(200) ≈ 0.50
    expect(new Set(bySlug.map((e) => e.path)).size).toBeGreaterThan(150); // the long tail is read too
  });

  it('percent-encodes Arabic slugs and section filters in the request line', () => {
    expect(slugPage('خبر-رقم-1')).toBe(`/api/articles/slug/${encodeURIComponent('خبر-رقم-1')}`);
    expect(sectionPage('سياسة')).toMatch(/^\/api\/articles\?section=%D8%B3[%0-9A-F]+&pagination\[pageSize\]=20$/);
    for (const e of mix) expect(e.path).toMatch(/^[\x21-\x7e]+$/);
  });

  it('lists each URL once for warming the cache', () => {
    const urls = distinctPaths(mix);
    expect(new Set(urls.map((e) => e.path)).size).toBe(urls.length);
    expect(urls.length).toBe(new Set(mix.map((e) => e.path)).size);
    expect(urls.length).toBeLessThanOrEqual(1 + 5 + 200 + 1);
  });

  it('refuses a mix without sections or slugs to read', () => {
    expect(() => buildMix({ sections: [], slugs })).toThrow('section');
    expect(() => buildMix({ sections, slugs: [] })).toThrow('slug');
    expect(buildMix({ sections: [], slugs, weights: { ...DEFAULT_WEIGHTS, section: 0 }, size: 10 })).toHaveLength(10);
  });
});

describe('served from cache', () => {
  it('counts HIT and STALE, not MISS, other values or a missing header', () => {
    expect(['HIT', 'hit', ' STALE', 'MISS', 'BYPASS', undefined, '', ['MISS', 'HIT']].map((v) => cacheState(v as never))).toEqual([
      'HIT', 'HIT', 'STALE', 'MISS', 'BYPASS', 'absent', 'absent', 'HIT',
    ]);
    expect(['HIT', 'STALE', 'MISS', 'absent'].map(isCacheServed)).toEqual([true, true, false, false]);
    expect(cacheShare({ HIT: 90, STALE: 5, MISS: 4, absent: 1 })).toBe(0.95);
    expect(cacheShare({})).toBeNull();
  });

  it('finds a header whatever the case the server wrote it in', () => {
    expect(headerValue({ 'X-Cache': 'HIT' }, 'x-cache')).toBe('HIT');
    expect(headerValue({ 'x-cache': 'MISS' }, 'X-Cache')).toBe('MISS');
    expect(headerValue({ other: '1' }, 'x-cache')).toBeUndefined();
    expect(headerValue(undefined, 'x-cache')).toBeUndefined();
  });
});

describe('the phases and their editor', () => {
  it('writes nothing when quiet, a draft a second, a publish every 5 s', () => {
    expect(PHASES.map((p) => [p.id, p.editor])).toEqual([
      ['quiet', null],
      ['drafting', { mode: 'draft', intervalMs: 1_000 }],
      ['publishing', { mode: 'publish', intervalMs: 5_000 }],
    ]);
    expect(writeSchedule(1_000, 5_000)).toEqual([500, 1_500, 2_500, 3_500, 4_500]);
    expect(writeSchedule(5_000, 15_000)).toEqual([2_500, 7_500, 12_500]);
    expect(writeSchedule(5_000, 2_000)).toEqual([]);
  });

  it('changes title and body, and replaces its own earlier edits on a rerun', () => {
    const story = { title: 'القمة الخليجية', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'نص الخبر.' }] }] };
    const first = editedArticle(story, 1, 'draft');
    expect(first.title).toBe('القمة الخليجية — تحديث 1');
    expect(first.body).toHaveLength(2);
    expect(first.body[0]).toEqual(story.body[0]);
    expect(first.body[1].children[0].text).toContain('1 (مسودة)');
    const again = editedArticle(first, 7, 'publish');
    expect(again.title).toBe('القمة الخليجية — تحديث 7');
    expect(again.body).toHaveLength(2);
    expect(again.body[1].children[0].text).toContain('7 (نشر)');
    expect(editedArticle({ title: 'x', body: null }, 2, 'draft').body).toHaveLength(1);
  });
});

describe('runMix reads X-Cache from the responses autocannon receives', () => {
  let server: http.Server;
  let base: string;
  const seen: Array<{ url: string; encoding: string | undefined }> = [];

  beforeAll(async () => {
    // HIT on the front page, STALE on the feed, MISS on sections, no header on by-slug reads.
    server = http.createServer((req, res) => {
      seen.push({ url: req.url!, encoding: req.headers['accept-encoding'] });
      const url = req.url!;
      if (url === FRONT_PAGE) res.setHeader('X-Cache', 'HIT');
      else if (url === RSS_FEED) res.setHeader('x-cache', 'STALE');
      else if (url.includes('section=')) res.setHeader('X-Cache', 'MISS');
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the schedule in order with Accept-Encoding, and counts cache states per kind of read', async () => {
    const mix = buildMix({ sections: sections.slice(0, 2), slugs: slugs.slice(0, 3), size: 20 });
    const result = await runMix({ base, mix, headers: { ...READ_HEADERS }, connections: 1, duration: 1 });
    expect(result.requests).toBeGreaterThan(40);
    expect(result.errors).toBe(0);
    // One connection: the server saw the schedule in order, cycling, every read asking for gzip or br.
    const urls = seen.map((s) => s.url);
    const start = urls.indexOf(mix[0].path);
    expect(urls.slice(start, start + mix.length)).toEqual(mix.map((e) => e.path));
    expect(new Set(seen.map((s) => s.encoding))).toEqual(new Set(['gzip, br']));
    expect(result.byKind.front!.cacheStates).toEqual({ HIT: result.byKind.front!.requests });
    expect(result.byKind.rss!.cacheStates).toEqual({ STALE: result.byKind.rss!.requests });
    expect(result.byKind.section!.cacheStates).toEqual({ MISS: result.byKind.section!.requests });
    expect(result.byKind.slug!.cacheStates).toEqual({ absent: result.byKind.slug!.requests });
    const total = Object.values(result.cacheStates).reduce((a, b) => a + b, 0);
    expect(total).toBe(result.requests);
    expect(cacheShare(result.cacheStates)).toBeCloseTo((result.byKind.front!.requests + result.byKind.rss!.requests) / total, 10);
    expect(result.max).toBeGreaterThanOrEqual(result.p99!);
  });
});
