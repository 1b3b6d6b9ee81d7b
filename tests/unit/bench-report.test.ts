import {
  compareRuns, evaluateTargets, markdownTable, newsroomKindTable, newsroomTable, percentile, targetsTable,
  type NewsroomPhaseResult, type RunResult, type ScenarioResult,
} from '../../scripts/bench/report';

const ok = (id: string, reqPerSec: number, p95 = 10, extra: Partial<ScenarioResult> = {}): ScenarioResult => ({
  id, label: id, status: 'ok', reqPerSec, p50: p95 / 2, p95, p99: p95 * 2, errors: 0, queries: 3, ...extra,
});

const run = (scenarios: ScenarioResult[], boot = { coldBootMs: 5_000, idleRssMb: 300 }, articles = 10_000): RunResult => ({
  meta: { date: '', command: '', db: 'sqlite', articles, duration: 10, connections: 20, machine: {}, versions: {} },
  boot,
  scenarios,
});

describe('percentile', () => {
  it('is the nearest-rank value of unsorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('markdown table', () => {
  it('prints one row per scenario with ratios to the baseline and to nginx', () => {
    const table = markdownTable(run([ok('baseline', 100), ok('list-warm', 450), ok('nginx', 9_000, 1, { queries: 0 })]));
    const rows = table.split('\n');
    expect(rows).toHaveLength(5);
    expect(rows[3]).toBe('| 2 | list-warm | 450 | 5 | 10 | 20 | 0 | 3 | 4.5× | 0.05× |');
    expect(rows[4]).toContain('| 90× | 1× |');
    const slow = markdownTable(run([ok('baseline', 3), ok('nginx', 3_939)]));
    expect(slow.split('\n')[2]).toContain('| 1× | 0.00076× |');
  });

  it('marks absent scenarios n/a with the reason and leaves ratios out when a reference is missing', () => {
    const table = markdownTable(run([ok('list-cold', 80), { id: 'rss-200', label: 'RSS feed 200', status: 'n/a', note: 'endpoint absent' }]));
    expect(table).toContain('| 2 | RSS feed 200 | n/a (endpoint absent) |');
    expect(table).toContain('| 1 | list-cold | 80 | 5 | 10 | 20 | 0 | 3 | – | – |');
  });
});

describe('targets', () => {
  const byName = (targets: ReturnType<typeof evaluateTargets>, name: string) => targets.find((t) => t.name.startsWith(name))!;

  it('passes and fails each target on the measured ratios', () => {
    const targets = evaluateTargets(
      run(
        [ok('baseline', 100), ok('list-warm', 299), ok('slug-warm', 3_000), ok('rss-200', 2_999), ok('rss-304', 5_000), ok('nginx', 10_000)],
        { coldBootMs: 8_001, idleRssMb: 350 },
      ),
    );
    expect(byName(targets, 'list warm vs baseline')).toMatchObject({ actual: '2.99×', pass: false });
    expect(byName(targets, 'list-warm vs nginx')).toMatchObject({ pass: false });
    expect(byName(targets, 'slug-warm vs nginx')).toMatchObject({ actual: '0.3×', pass: true });
    expect(byName(targets, 'rss-200 vs nginx')).toMatchObject({ pass: false });
    expect(byName(targets, '304 path')).toMatchObject({ pass: true });
    expect(byName(targets, 'cold boot')).toMatchObject({ actual: '8 s', pass: false });
    expect(byName(targets, 'idle RSS')).toMatchObject({ pass: true });
  });

  it('reports n/a, not a failure, when a scenario is absent', () => {
    const targets = evaluateTargets(run([ok('baseline', 100), { id: 'rss-304', label: 'RSS 304', status: 'n/a', note: 'endpoint absent' }]));
    expect(byName(targets, '304 path')).toMatchObject({ actual: 'n/a', pass: null });
    expect(byName(targets, 'list warm vs baseline').pass).toBeNull();
    expect(targetsTable(targets)).toContain('| 304 path | ≥ 5,000 req/s | n/a | n/a |');
    expect(targetsTable(evaluateTargets(run([], { coldBootMs: 9_000, idleRssMb: null as unknown as number })))).toContain('| 9 s | **missed** |');
  });

  it('compares list p95 of a large run against a small one', () => {
    const small = run([ok('list-cold', 100, 20), ok('list-warm', 1_000, 4)], undefined, 1_000);
    const large = run([ok('list-cold', 90, 31), ok('list-warm', 1_000, 6)], undefined, 100_000);
    const [cold, warm, throughput] = compareRuns(small, large);
    expect(cold).toMatchObject({ name: 'list-cold p95 at 100,000 vs 1,000 articles', actual: '31 ms / 20 ms = 1.55×', pass: false });
    expect(warm).toMatchObject({ actual: '6 ms / 4 ms = 1.5×', pass: true });
    expect(throughput).toMatchObject({ name: 'list-cold req/s at 100,000 vs 1,000 articles (slowdown)', actual: '100 / 90 req/s = 1.11×', pass: true });
  });

  it('misses the scale target when the cold list slows down more than 1.5× at 100k, and is n/a without both runs', () => {
    const small = run([ok('list-cold', 300)], undefined, 1_000);
    expect(compareRuns(small, run([ok('list-cold', 199)], undefined, 100_000))[2]).toMatchObject({ actual: '300 / 199 req/s = 1.51×', pass: false });
    expect(compareRuns(small, run([ok('list-cold', 200)], undefined, 100_000))[2]).toMatchObject({ pass: true });
    expect(compareRuns(small, run([], undefined, 100_000))[2]).toMatchObject({ actual: 'n/a', pass: null });
  });
});

const phase = (id: string, reqPerSec: number, p99: number, max: number, extra: Partial<NewsroomPhaseResult> = {}): NewsroomPhaseResult => ({
  id, label: id, status: 'ok', reqPerSec, p50: p99 / 4, p99, max, errors: 0, cacheStates: { HIT: 99, MISS: 1 }, cacheShare: 0.99, ...extra,
});

describe('issue 12 targets', () => {
  const byName = (targets: ReturnType<typeof evaluateTargets>, name: string) => targets.find((t) => t.name.startsWith(name))!;

  it('decides the cold-path targets on ratios of the same run', () => {
    const targets = evaluateTargets(
      run([ok('baseline', 40), ok('list-cold', 200), ok('list-warm', 2_400), ok('slug-cold', 449), ok('graphql-cold', 133), ok('nginx', 3_000)]),
    );
    expect(byName(targets, 'list-cold req/s vs baseline')).toMatchObject({ goal: '≥ 5×', actual: '200 / 40 = 5×', pass: true });
    expect(byName(targets, 'list-cold req/s')).toBeDefined();
    expect(targets.find((t) => t.name === 'list-cold req/s')).toMatchObject({ goal: '≥ 200 req/s', actual: '200 req/s', pass: true });
    expect(byName(targets, 'slug-cold req/s')).toMatchObject({ goal: '≥ 450 req/s', actual: '449 req/s', pass: false });
    // 133 / 200 = 0.665 < 1/1.5: just outside 1.5×
    expect(byName(targets, 'graphql-cold req/s vs list-cold')).toMatchObject({ goal: '≥ 0.67×', actual: '133 / 200 = 0.67×', pass: false });
    expect(byName(targets, 'graphql-cold').name).toContain('within 1.5×');
    expect(byName(targets, 'list-warm req/s vs nginx')).toMatchObject({ goal: '≥ 0.8×', actual: '2,400 / 3,000 = 0.8×', pass: true });
    const within = evaluateTargets(run([ok('list-cold', 200), ok('graphql-cold', 134)]));
    expect(byName(within, 'graphql-cold').pass).toBe(true);
    expect(byName(evaluateTargets(run([ok('list-warm', 2_399), ok('nginx', 3_000)])), 'list-warm req/s vs nginx').pass).toBe(false);
  });

  it('decides the newsroom-day targets against the quiet phase', () => {
    const quiet = phase('quiet', 3_000, 12, 40);
    const targets = evaluateTargets({ ...run([]), newsroom: [quiet, phase('drafting', 2_700, 24, 80), phase('publishing', 2_900, 24.1, 250)] });
    expect(byName(targets, 'drafting req/s vs quiet')).toMatchObject({ goal: '≥ 0.9×', actual: '2,700 / 3,000 = 0.9×', pass: true });
    expect(byName(targets, 'drafting p99 vs quiet')).toMatchObject({ goal: '≤ 2×', actual: '24 ms / 12 ms = 2×', pass: true });
    expect(byName(targets, 'publishing p99 vs quiet')).toMatchObject({ actual: '24.1 ms / 12 ms = 2.01×', pass: false });
    expect(byName(targets, 'publishing max latency')).toMatchObject({ goal: '≤ 250 ms', actual: '250 ms', pass: true });

    const busy = evaluateTargets({ ...run([]), newsroom: [quiet, phase('drafting', 2_699, 30, 80), phase('publishing', 3_000, 12, 250.5)] });
    expect(byName(busy, 'drafting req/s vs quiet').pass).toBe(false);
    expect(byName(busy, 'drafting p99 vs quiet').pass).toBe(false);
    expect(byName(busy, 'publishing p99 vs quiet').pass).toBe(true);
    expect(byName(busy, 'publishing max latency')).toMatchObject({ actual: '250.5 ms', pass: false });
  });

  it('is n/a, not a failure, when a phase is missing or did not run', () => {
    const targets = evaluateTargets({ ...run([]), newsroom: [phase('drafting', 2_700, 24, 80), { id: 'publishing', label: 'p', status: 'n/a', note: 'x' }] });
    for (const name of ['drafting req/s vs quiet', 'drafting p99 vs quiet', 'publishing p99 vs quiet', 'publishing max latency', 'list-cold req/s vs baseline', 'slug-cold req/s']) {
      expect(byName(targets, name)).toMatchObject({ actual: 'n/a', pass: null });
    }
  });
});

describe('newsroom-day tables', () => {
  const phases: NewsroomPhaseResult[] = [
    phase('quiet', 3_361, 11, 30.5, { label: 'quiet: reads only', editor: null }),
    phase('drafting', 686, 163, 400, {
      label: 'drafting', cacheStates: { HIT: 91, MISS: 9 }, cacheShare: 0.91,
      editor: { mode: 'draft', intervalMs: 1000, documentId: 'd', slug: 's', writes: 15, errors: 0, p50: 40, p99: 90, max: 95.2, verified: true, note: 'published version unchanged, draft = last save' },
      byKind: { slug: { requests: 500, p50: 2, p99: 150, errors: 0, cacheStates: { HIT: 450, STALE: 20, MISS: 30 } } },
    }),
    { id: 'publishing', label: 'publishing', status: 'n/a', note: '3 URLs of the mix failed' },
  ];

  it('prints req/s, latencies, errors, cache share and what the editor did, one row per phase', () => {
    const rows = newsroomTable(phases).split('\n');
    expect(rows).toHaveLength(5);
    expect(rows[2]).toBe('| quiet: reads only | 3,361 | 2.8 | 11 | 30.5 | 0 | 99 % | – | – | – |');
    expect(rows[3]).toBe('| drafting | 686 | 40.8 | 163 | 400 | 0 | 91 % | 15 (0 failed) | 40 / 90 / 95.2 | yes: published version unchanged, draft = last save |');
    expect(rows[4]).toBe('| publishing | n/a (3 URLs of the mix failed) | | | | | | | | |');
    const failed = newsroomTable([phase('drafting', 1, 1, 1, { editor: { ...phases[1].editor!, verified: false, note: 'the published version changed' } })]);
    expect(failed).toContain('| **no**: the published version changed |');
  });

  it('breaks each phase down by kind of read, HIT and STALE counted as served from cache', () => {
    const rows = newsroomKindTable(phases).split('\n');
    expect(rows).toEqual([
      '| phase | read | requests | p50 ms | p99 ms | errors | served from cache | X-Cache values |',
      '|---|---|---:|---:|---:|---:|---:|---|',
      '| drafting | slug | 500 | 2 | 150 | 0 | 94 % | HIT 450, MISS 30, STALE 20 |',
    ]);
  });
});
