import { compareRuns, evaluateTargets, markdownTable, percentile, targetsTable, type RunResult, type ScenarioResult } from '../../scripts/bench/report';

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
    const [cold, warm] = compareRuns(small, large);
    expect(cold).toMatchObject({ name: 'list-cold p95 at 100,000 vs 1,000 articles', actual: '31 ms / 20 ms = 1.55×', pass: false });
    expect(warm).toMatchObject({ actual: '6 ms / 4 ms = 1.5×', pass: true });
  });
});
