/**
 * npm run cluster [-- --nodes N --port P --skip-compile]
 * Two `strapi start` nodes (production mode) on one PostgreSQL database and
 * one Redis, nginx round-robin in front, on free ports; prints the URLs and
 * runs until Ctrl-C or SIGTERM, then stops everything. See docs/operations.md.
 */
import { startCluster, type Cluster } from './lib/cluster';

const USAGE = `usage: npm run cluster -- [--nodes N] [--port P] [--skip-compile]
  --nodes N        app processes behind nginx (default 2)
  --port P         nginx's port (default: a free one)
  --skip-compile   reuse dist/ as it is (otherwise the app is compiled first, 10 s here)
Environment: DATABASE_NAME (default newsroom_cluster), DATABASE_HOST/PORT/USERNAME/PASSWORD or DATABASE_URL,
REDIS_URL (default redis://127.0.0.1:6379); anything else is passed to the nodes (LOG_LEVEL, CACHE_TTL_SECONDS…).`;

function parse(argv: string[]) {
  const options = { nodes: 2, port: undefined as number | undefined, compile: true };
  for (let i = 0; i < argv.length; i++) {
    const number = (flag: string) => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive integer\n${USAGE}`);
      return value;
    };
    if (argv[i] === '--nodes') options.nodes = number('--nodes');
    else if (argv[i] === '--port') options.port = number('--port');
    else if (argv[i] === '--skip-compile') options.compile = false;
    else if (argv[i] === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  return options;
}

async function main() {
  const options = parse(process.argv.slice(2));
  const started = Date.now();
  let cluster: Cluster | null = null;
  let stopping = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    // One Ctrl-C arrives twice: from the terminal and relayed by tsx (or npm). Only a second one a human
    // sends (later than 1 s) means "now".
    if (stopping && Date.now() - stopping < 1_000) return;
    if (stopping) {
      console.log(`[cluster] ${signal} again: killing everything`);
      process.exit(1); // the children's exit hooks SIGKILL their process groups
    }
    stopping = Date.now();
    console.log(`[cluster] ${signal}: stopping nginx, then the nodes…`);
    void (cluster?.stop() ?? Promise.resolve()).then(() => {
      console.log(`[cluster] stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  cluster = await startCluster({ ...options, echo: true });
  const rows = [
    ['nginx', cluster.url, `pid ${cluster.nginx.pid}`, `access log ${cluster.nginx.accessLog}`],
    ...cluster.nodes.map((n) => [`node ${n.name}`, n.url, `pid ${n.pid}`, `log ${n.logFile}`]),
  ];
  console.log(`\n[cluster] up in ${((Date.now() - started) / 1000).toFixed(1)} s, database ${cluster.database}, Redis ${cluster.redisUrl}`);
  for (const row of rows) console.log(`  ${row[0].padEnd(7)} ${row[1].padEnd(24)} ${row[2].padEnd(11)} ${row[3]}`);
  console.log(`  nginx config ${cluster.nginx.config}\n  Ctrl-C (or SIGTERM to pid ${process.pid}) stops everything.\n`);
}

main().catch((err) => {
  console.error(`[cluster] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
