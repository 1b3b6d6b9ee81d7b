/** Command-line flags of `npm run bench` (pure: unit-tested). */

export type DbClient = 'sqlite' | 'postgres';

export interface BenchArgs {
  articles: number;
  db: DbClient;
  /** Seconds per scenario. */
  duration: number;
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
  --duration S        seconds per scenario (default 10)
  --connections C     concurrent connections (default 20)
  --skip-seed         reuse the database seeded by an earlier run with the same --articles/--db
  --skip-build        reuse dist/ and the admin build from an earlier run
  --skip-nginx        do not measure the static-file limit (7)
  --only a,b          run only these scenarios (ids as in the table)
  --compare A B       compare two result JSON files (e.g. 1k and 100k) and exit
  --help`;

export class ArgsError extends Error {}

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
    duration: 10,
    connections: 20,
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
