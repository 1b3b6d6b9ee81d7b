/** Results, the markdown tables, ratios and the issues' targets (pure: unit-tested). */
import { cacheShare } from './newsroom-mix';

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
  max?: number;
  /** Responses with an unexpected status, socket errors and timeouts. */
  errors?: number;
  /** SQL statements per request (median of a few probes), null when not measured. */
  queries?: number | null;
  bytes?: number;
}

/** Latency and cache states of one kind of read inside a newsroom-day phase. */
export interface KindStats {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  cacheStates: Record<string, number>;
}

/** The editor of a newsroom-day phase: what it wrote and whether the writes did what they should. */
export interface EditorResult {
  mode: 'draft' | 'publish';
  intervalMs: number;
  documentId: string;
  slug: string;
  writes: number;
  /** Writes answered with another status than 200 (or that failed). */
  errors: number;
  p50: number;
  p99: number;
  max: number;
  /** draft: the published version is unchanged and the draft holds the last save; publish: each save published a newer version. */
  verified: boolean | null;
  note: string;
  /** publish: the longest, over the publishes, from a publish's response until an anonymous by-slug read showed the new title, that read's latency included (null: one did not within 2 s). */
  freshAfterMs?: number | null;
}

/** One newsroom-day phase: the numbers of a scenario (no SQL count), plus where the responses came from and the editor. */
export interface NewsroomPhaseResult extends Omit<ScenarioResult, 'queries'> {
  /** Responses per X-Cache value (HIT, STALE, MISS, absent…); HIT and STALE count as served from cache. */
  cacheStates?: Record<string, number>;
  cacheShare?: number | null;
  byKind?: Record<string, KindStats>;
  editor?: EditorResult | null;
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
  /** Seconds per single-URL scenario. */
  duration: number;
  /** Seconds per newsroom-day phase. */
  phaseDuration?: number;
  connections: number;
  machine: Record<string, string | number>;
  versions: Record<string, string>;
}

export interface RunResult {
  meta: RunMeta;
  boot: BootResult;
  scenarios: ScenarioResult[];
  /** The newsroom-day phases (quiet, drafting, publishing), when run. */
  newsroom?: NewsroomPhaseResult[];
  /** The read mix of the newsroom-day phases: share per kind of read, distinct URLs. */
  newsroomMix?: { shares: Record<string, number>; distinctUrls: number; size: number; seed: number; zipfExponent: number };
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
  // issue 6
  warmVsBaseline: 3,
  hotPathVsNginx: 0.3,
  notModifiedReqPerSec: 5_000,
  scaleP95Ratio: 1.5,
  coldBootMs: 8_000,
  idleRssMb: 350,
  // issue 12: a miss is fast…
  listColdVsBaseline: 5,
  listColdReqPerSec: 200,
  slugColdReqPerSec: 450,
  /** graphql-cold req/s ≥ list-cold req/s ÷ this. */
  graphqlColdWithin: 1.5,
  /** list-cold req/s at 1k ÷ at 100k ≤ this. */
  scaleListColdRatio: 1.5,
  // …the cache stays as fast as nginx…
  listWarmVsNginx: 0.8,
  // …and survives a working newsroom.
  draftingReqPerSecVsQuiet: 0.9,
  draftingP99VsQuiet: 2,
  publishingP99VsQuiet: 2,
  publishingMaxMs: 250,
};

export const HOT_PATH = ['list-warm', 'slug-warm', 'rss-200'];

const findPhase = (run: RunResult, id: string) => run.newsroom?.find((p) => p.id === id && p.status === 'ok');

/** `actual ≥ goal × reference` (or ≤ with `atMost`) as a target row; n/a when either number is missing. */
function ratioTarget(name: string, goal: number, a: number | undefined, b: number | undefined, atMost = false, unit = ''): TargetResult {
  const r = ratio(a, b);
  return {
    name,
    goal: `${atMost ? '≤' : '≥'} ${fmt(goal, 2)}×`,
    actual: r === undefined ? 'n/a' : `${fmt(a, unit ? 1 : 0)}${unit} / ${fmt(b, unit ? 1 : 0)}${unit} = ${times(r)}`,
    pass: r === undefined ? null : atMost ? r <= goal : r >= goal,
  };
}

function absoluteTarget(name: string, value: number | undefined, goal: number, unit: string, atMost = false): TargetResult {
  const known = value !== undefined && !Number.isNaN(value);
  return {
    name,
    goal: `${atMost ? '≤' : '≥'} ${fmt(goal, 0)} ${unit}`,
    actual: known ? `${fmt(value, unit === 'ms' ? 1 : 0)} ${unit}` : 'n/a',
    pass: known ? (atMost ? value! <= goal : value! >= goal) : null,
  };
}

/** The issues' targets that one run can decide (the 1k→100k ratios need two runs: compareRuns). */
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

  // issue 12: cold paths (CACHE_ENABLED=false), ratios in this run
  const listCold = find(run, 'list-cold');
  const slugCold = find(run, 'slug-cold');
  const graphqlCold = find(run, 'graphql-cold');
  out.push(ratioTarget('list-cold req/s vs baseline', TARGETS.listColdVsBaseline, listCold?.reqPerSec, baseline?.reqPerSec));
  out.push(absoluteTarget('list-cold req/s', listCold?.reqPerSec, TARGETS.listColdReqPerSec, 'req/s'));
  out.push(absoluteTarget('slug-cold req/s', slugCold?.reqPerSec, TARGETS.slugColdReqPerSec, 'req/s'));
  out.push(ratioTarget(`graphql-cold req/s vs list-cold (within ${TARGETS.graphqlColdWithin}×)`, 1 / TARGETS.graphqlColdWithin, graphqlCold?.reqPerSec, listCold?.reqPerSec));
  out.push(ratioTarget('list-warm req/s vs nginx (same bytes)', TARGETS.listWarmVsNginx, warm?.reqPerSec, nginx?.reqPerSec));

  // issue 12: newsroom day, cache on
  const quiet = findPhase(run, 'quiet');
  const drafting = findPhase(run, 'drafting');
  const publishing = findPhase(run, 'publishing');
  out.push(ratioTarget('drafting req/s vs quiet', TARGETS.draftingReqPerSecVsQuiet, drafting?.reqPerSec, quiet?.reqPerSec));
  out.push(ratioTarget('drafting p99 vs quiet', TARGETS.draftingP99VsQuiet, drafting?.p99, quiet?.p99, true, ' ms'));
  out.push(ratioTarget('publishing p99 vs quiet', TARGETS.publishingP99VsQuiet, publishing?.p99, quiet?.p99, true, ' ms'));
  out.push(absoluteTarget('publishing max latency', publishing?.max, TARGETS.publishingMaxMs, 'ms', true));
  return out;
}

/**
 * A large run (100k articles) against a small one (1k): list p95 ≤ 1.5× (issue 6)
 * and the cold list's throughput within 1.5× (issue 12: small req/s ÷ large req/s).
 */
export function compareRuns(small: RunResult, large: RunResult): TargetResult[] {
  const get = (run: RunResult, id: string) => run.scenarios.find((s) => s.id === id && s.status === 'ok');
  const at = `at ${fmt(large.meta.articles, 0)} vs ${fmt(small.meta.articles, 0)} articles`;
  const out: TargetResult[] = ['list-cold', 'list-warm'].map((id) => {
    const a = get(small, id);
    const b = get(large, id);
    const r = ratio(b?.p95, a?.p95);
    return {
      name: `${id} p95 ${at}`,
      goal: `≤ ${TARGETS.scaleP95Ratio}×`,
      actual: r === undefined ? 'n/a' : `${fmt(b!.p95)} ms / ${fmt(a!.p95)} ms = ${fmt(r, 2)}×`,
      pass: r === undefined ? null : r <= TARGETS.scaleP95Ratio,
    };
  });
  const a = get(small, 'list-cold');
  const b = get(large, 'list-cold');
  const r = ratio(a?.reqPerSec, b?.reqPerSec);
  out.push({
    name: `list-cold req/s ${at} (slowdown)`,
    goal: `≤ ${TARGETS.scaleListColdRatio}×`,
    actual: r === undefined ? 'n/a' : `${fmt(a!.reqPerSec, 0)} / ${fmt(b!.reqPerSec, 0)} req/s = ${fmt(r, 2)}×`,
    pass: r === undefined ? null : r <= TARGETS.scaleListColdRatio,
  });
  return out;
}

const pct = (share: number | null | undefined) => (share === null || share === undefined ? '–' : `${fmt(share * 100, 1)} %`);

/** The newsroom-day phases: one row each, then one row per kind of read. */
export function newsroomTable(phases: NewsroomPhaseResult[]): string {
  const lines = [
    '| phase | req/s | p50 ms | p99 ms | max ms | errors | served from cache | editor writes | write p50 / p99 / max ms | writes did what they should |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const p of phases) {
    if (p.status === 'n/a') {
      lines.push(`| ${p.label} | n/a (${p.note ?? 'not measured'}) | | | | | | | | |`);
      continue;
    }
    const e = p.editor;
    const editor = e
      ? `${e.writes} (${e.errors} failed) | ${fmt(e.p50)} / ${fmt(e.p99)} / ${fmt(e.max)} | ${e.verified === null ? 'n/a' : e.verified ? 'yes' : '**no**'}: ${e.note}`
      : '– | – | –';
    lines.push(`| ${p.label} | ${fmt(p.reqPerSec, 0)} | ${fmt(p.p50)} | ${fmt(p.p99)} | ${fmt(p.max)} | ${p.errors ?? 0} | ${pct(p.cacheShare)} | ${editor} |`);
  }
  return lines.join('\n');
}

/** Per phase and kind of read: where the latency and the misses are. */
export function newsroomKindTable(phases: NewsroomPhaseResult[]): string {
  const lines = ['| phase | read | requests | p50 ms | p99 ms | errors | served from cache | X-Cache values |', '|---|---|---:|---:|---:|---:|---:|---|'];
  for (const p of phases) {
    for (const [kind, k] of Object.entries(p.byKind ?? {})) {
      const states = Object.entries(k.cacheStates).sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${fmt(n, 0)}`).join(', ');
      lines.push(`| ${p.id} | ${kind} | ${fmt(k.requests, 0)} | ${fmt(k.p50)} | ${fmt(k.p99)} | ${k.errors} | ${pct(cacheShare(k.cacheStates))} | ${states} |`);
    }
  }
  return lines.join('\n');
}

export function targetsTable(targets: TargetResult[]): string {
  const mark = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'met' : '**missed**');
  return [
    '| target | goal | measured | result |',
    '|---|---|---|---|',
    ...targets.map((t) => `| ${t.name} | ${t.goal} | ${t.actual} | ${mark(t.pass)} |`),
  ].join('\n');
}
