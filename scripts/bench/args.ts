/** Command-line flags of `npm run bench` (pure: unit-tested). */

export type DbClient = 'sqlite' | 'postgres';

export interface BenchArgs {
  articles: number;
  db: DbClient;
  /** Seconds per scenario and per newsroom-day phase; null: the defaults (10 s and 15 s). */
  duration: number | null;
  connections: number;
  skipSeed: boolean;
  skipBuild: boolean;
  skipNginx: boolean;
  /** Only these scenario ids (all when empty). */
  only: string[];
  /** Two result files to compare (small run, large run) instead of benchmarking. */
  compare: [string, string] | null;
  help: boolean;
}

export const USAGE = `npm run bench -- [flags]
  --articles N        articles to seed (default 10000; 1000 and 100000 for the scale comparison)
  --db sqlite|postgres database (default sqlite)
  --duration S        seconds per scenario (default 10) and per newsroom-day phase (default 15)
  --connections C     concurrent connections (default 16)
  --skip-seed         reuse the database seeded by an earlier run with the same --articles/--db
  --skip-build        reuse dist/ and the admin build from an earlier run
  --skip-nginx        do not measure the static-file limit (nginx)
  --only a,b          run only these scenarios: baseline, list-cold, list-warm, slug-cold, slug-warm,
                      graphql, graphql-cold, rss-200, rss-304, search-cold, search-warm, nginx, and the
                      newsroom-day phases quiet, drafting, publishing (newsroom-day = all three)
  --compare A B       compare two result JSON files (e.g. 1k and 100k) and exit
  --help`;

export class ArgsError extends Error {}

export const DEFAULT_SCENARIO_SECONDS = 10;
export const DEFAULT_PHASE_SECONDS = 15;

/** Seconds of one scenario / one newsroom-day phase under these flags. */
export const scenarioSeconds = (args: Pick<BenchArgs, 'duration'>) => args.duration ?? DEFAULT_SCENARIO_SECONDS;
export const phaseSeconds = (args: Pick<BenchArgs, 'duration'>) => args.duration ?? DEFAULT_PHASE_SECONDS;

/**
 * The scenario ids `--only` selects: group names (e.g. `newsroom-day`) expanded,
 * every id checked against the known ones (a typo would otherwise run nothing).
 * Empty `only`: every id.
 */
export function resolveOnly(only: string[], known: readonly string[], groups: Record<string, readonly string[]> = {}): string[] {
  if (!only.length) return [...known];
  const selected = new Set<string>();
  for (const id of only) {
    const members = groups[id] ?? [id];
    for (const m of members) {
      if (!known.includes(m)) {
        throw new ArgsError(`--only: unknown scenario "${m}" (known: ${[...known, ...Object.keys(groups)].join(', ')})`);
      }
      selected.add(m);
    }
  }
  return known.filter((id) => selected.has(id));
}

function positiveInt(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) <= 0) {
    throw new ArgsError(`${flag} needs a positive integer, got ${value === undefined ? 'nothing' : `"${value}"`}`);
  }
  return Number(value);
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    articles: 10_000,
    db: 'sqlite',
    duration: null,
    connections: 16,
    skipSeed: false,
    skipBuild: false,
    skipNginx: false,
    only: [],
    compare: null,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--articles':
        args.articles = positiveInt(flag, value());
        break;
      case '--db': {
        const db = value();
        if (db !== 'sqlite' && db !== 'postgres') throw new ArgsError(`--db must be sqlite or postgres, got "${db ?? ''}"`);
        args.db = db;
        break;
      }
      case '--duration':
        args.duration = positiveInt(flag, value());
        break;
      case '--connections':
        args.connections = positiveInt(flag, value());
        break;
      case '--skip-seed':
        args.skipSeed = true;
        break;
      case '--skip-build':
        args.skipBuild = true;
        break;
      case '--skip-nginx':
        args.skipNginx = true;
        break;
      case '--only': {
        const list = value();
        if (!list) throw new ArgsError('--only needs a comma-separated list of scenario ids');
        args.only = list.split(',').map((s) => s.trim()).filter(Boolean);
        break;
      }
      case '--compare': {
        const a = inline !== undefined ? inline : argv[++i];
        const b = argv[++i];
        if (!a || !b || a.startsWith('--') || b.startsWith('--')) throw new ArgsError('--compare needs two result files');
        args.compare = [a, b];
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new ArgsError(`Unknown flag "${argv[i]}"`);
    }
  }
  return args;
}
