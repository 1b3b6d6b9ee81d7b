/** Results, the markdown table, ratios and the targets (pure: unit-tested). */

export interface ScenarioResult {
  id: string;
  label: string;
  /** 'n/a' rows carry the reason in `note` and no numbers. */
  status: 'ok' | 'n/a';
  note?: string;
  requests?: number;
  reqPerSec?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  /** Responses with an unexpected status, socket errors and timeouts. */
  errors?: number;
  /** SQL statements per request (median of a few probes), null when not measured. */
  queries?: number | null;
  bytes?: number;
}

export interface BootResult {
  coldBootMs: number;
  idleRssMb: number | null;
  peakRssMb?: number | null;
  /** Boot times of the later servers of the run (no cache, query counting). */
  otherBootsMs?: number[];
}

export interface RunMeta {
  date: string;
  command: string;
  db: string;
  articles: number;
  duration: number;
  connections: number;
  machine: Record<string, string | number>;
  versions: Record<string, string>;
}

export interface RunResult {
  meta: RunMeta;
  boot: BootResult;
  scenarios: ScenarioResult[];
  explain?: string;
  targets?: TargetResult[];
}

export interface TargetResult {
  name: string;
  goal: string;
  actual: string;
  /** null: could not be evaluated in this run (scenario absent). */
  pass: boolean | null;
}

/** Latency percentile (ms) of unsorted samples, nearest-rank. */
export function percentile(samples: ArrayLike<number>, p: number): number {
  if (!samples.length) return NaN;
  const sorted = Float64Array.from(samples as ArrayLike<number>).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const find = (run: RunResult, id: string) => run.scenarios.find((s) => s.id === id && s.status === 'ok');

const fmt = (n: number | undefined | null, digits = 1) =>
  n === undefined || n === null || Number.isNaN(n) ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
  a !== undefined && b !== undefined && b > 0 ? a / b : undefined;

/** A ratio as `1.5×`: two significant digits below 1 (0.0013×), two decimals above; 'n/a' when unknown. */
export const times = (r: number | undefined, missing = '–') =>
  r === undefined ? missing : `${fmt(r < 1 ? Number(r.toPrecision(2)) : r, r < 1 ? 6 : 2)}×`;

export function markdownTable(run: RunResult): string {
  const baseline = find(run, 'baseline')?.reqPerSec;
  const nginx = find(run, 'nginx')?.reqPerSec;
  const lines = [
    '| # | scenario | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/req | × baseline | × nginx |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  run.scenarios.forEach((s, i) => {
    if (s.status === 'n/a') {
      lines.push(`| ${i + 1} | ${s.label} | n/a (${s.note ?? 'not measured'}) | | | | | | | |`);
      return;
    }
    lines.push(
      `| ${i + 1} | ${s.label} | ${fmt(s.reqPerSec, 0)} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${s.errors ?? 0} | ${fmt(s.queries, 0)} | ${times(ratio(s.reqPerSec, baseline))} | ${times(ratio(s.reqPerSec, nginx))} |`,
    );
  });
  return lines.join('\n');
}

export const TARGETS = {
  warmVsBaseline: 3,
  hotPathVsNginx: 0.3,
  notModifiedReqPerSec: 5_000,
  scaleP95Ratio: 1.5,
  coldBootMs: 8_000,
  idleRssMb: 350,
};

export const HOT_PATH = ['list-warm', 'slug-warm', 'rss-200'];

/** The targets that one run can decide (the 1k→100k p95 ratio needs two runs: compareRuns). */
export function evaluateTargets(run: RunResult): TargetResult[] {
  const out: TargetResult[] = [];
  const baseline = find(run, 'baseline');
  const warm = find(run, 'list-warm');
  const nginx = find(run, 'nginx');
  const r = ratio(warm?.reqPerSec, baseline?.reqPerSec);
  out.push({
    name: 'list warm vs baseline',
    goal: `≥ ${TARGETS.warmVsBaseline}×`,
    actual: times(r, 'n/a'),
    pass: r === undefined ? null : r >= TARGETS.warmVsBaseline,
  });
  for (const id of HOT_PATH) {
    const s = find(run, id);
    const rn = ratio(s?.reqPerSec, nginx?.reqPerSec);
    out.push({
      name: `${s?.label ?? id} vs nginx`,
      goal: `≥ ${TARGETS.hotPathVsNginx}×`,
      actual: times(rn, 'n/a'),
      pass: rn === undefined ? null : rn >= TARGETS.hotPathVsNginx,
    });
  }
  const notModified = find(run, 'rss-304');
  out.push({
    name: '304 path',
    goal: `≥ ${fmt(TARGETS.notModifiedReqPerSec, 0)} req/s`,
    actual: notModified ? `${fmt(notModified.reqPerSec, 0)} req/s` : 'n/a',
    pass: notModified ? notModified.reqPerSec! >= TARGETS.notModifiedReqPerSec : null,
  });
  out.push({
    name: 'cold boot to first 200',
    goal: `≤ ${TARGETS.coldBootMs / 1000} s`,
    actual: `${fmt(run.boot.coldBootMs / 1000, 2)} s`,
    pass: run.boot.coldBootMs <= TARGETS.coldBootMs,
  });
  out.push({
    name: 'idle RSS',
    goal: `≤ ${TARGETS.idleRssMb} MB`,
    actual: run.boot.idleRssMb === null ? 'n/a' : `${run.boot.idleRssMb} MB`,
    pass: run.boot.idleRssMb === null ? null : run.boot.idleRssMb <= TARGETS.idleRssMb,
  });
  return out;
}

/** List p95 of the large run against the small run (issue target: ≤ 1.5×). */
export function compareRuns(small: RunResult, large: RunResult): TargetResult[] {
  return ['list-cold', 'list-warm'].map((id) => {
    const a = small.scenarios.find((s) => s.id === id && s.status === 'ok');
    const b = large.scenarios.find((s) => s.id === id && s.status === 'ok');
    const r = ratio(b?.p95, a?.p95);
    return {
      name: `${id} p95 at ${fmt(large.meta.articles, 0)} vs ${fmt(small.meta.articles, 0)} articles`,
      goal: `≤ ${TARGETS.scaleP95Ratio}×`,
      actual: r === undefined ? 'n/a' : `${fmt(b!.p95)} ms / ${fmt(a!.p95)} ms = ${fmt(r, 2)}×`,
      pass: r === undefined ? null : r <= TARGETS.scaleP95Ratio,
    };
  });
}

export function targetsTable(targets: TargetResult[]): string {
  const mark = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'met' : '**missed**');
  return [
    '| target | goal | measured | result |',
    '|---|---|---|---|',
    ...targets.map((t) => `| ${t.name} | ${t.goal} | ${t.actual} | ${mark(t.pass)} |`),
  ].join('\n');
}
