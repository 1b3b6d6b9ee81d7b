/**
 * The whole set on one machine, as production runs it: two (or more)
 * `strapi start` processes on one PostgreSQL database and one Redis, nginx
 * round-robin in front, each on a free port. `npm run cluster` uses it; fault
 * tests and the soak benchmark start it with options and stop or restart one
 * node at a time.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { SECRET_NAMES } from '../../src/lib/secrets';
import { appDir, databaseSettings, describeDatabase, pgClientConfig, type PostgresSettings } from './database-settings';
import { ensureNginx, ownFiles, runNginx } from './nginx';
import { answers, freePort, startService, strapiStartArgs, waitUntil, type Service } from './processes';

const NAMES = 'ABCDEFGH';

export interface ClusterOptions {
  /** App processes behind nginx (default 2, at most 8). */
  nodes?: number;
  /** PostgreSQL database, created when missing (default DATABASE_NAME, else newsroom_cluster). */
  database?: string;
  /** Default REDIS_URL, else redis://127.0.0.1:6379. */
  redisUrl?: string;
  /** nginx's port (default: a free one). */
  port?: number;
  /** Variables for every node, applied last (e.g. CACHE_TTL_SECONDS for a fault test). */
  env?: Record<string, string>;
  /** Compile the TypeScript app into dist/ first (default true; 10 s here). */
  compile?: boolean;
  /** Print the nodes' and nginx's output here, each line prefixed with the node's name. */
  echo?: boolean;
  /** Where the cluster's files go (default .tmp/cluster). */
  dir?: string;
  log?: (line: string) => void;
}

export interface ClusterNode {
  name: string;
  url: string;
  readonly pid: number;
  logFile: string;
  /** SIGTERM (Strapi's own shutdown), SIGKILL after 15 s. */
  stop(): Promise<void>;
  /** Stops it if running, starts it again on the same port and waits for /_health. */
  restart(): Promise<void>;
}

export interface Cluster {
  /** nginx: what clients use. */
  url: string;
  nodes: ClusterNode[];
  nginx: { url: string; readonly pid: number; config: string; accessLog: string; errorLog: string };
  database: string;
  redisUrl: string;
  /** nginx first (graceful), then every node; resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * The secrets every node shares (a token or session made through one node is checked by the other),
 * generated into .tmp/cluster.env on the first run and reused: API tokens and admin passwords stored in
 * the cluster's database keep working across runs. A variable set in the environment wins.
 */
function clusterSecrets(file: string): Record<string, string> {
  const stored: Record<string, string> = {};
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const match = /^([A-Z_]+)=(.*)$/.exec(line);
      if (match) stored[match[1]] = match[2];
    }
  }
  const random = () => crypto.randomBytes(32).toString('base64url');
  const missing = SECRET_NAMES.filter((name) => !stored[name]);
  for (const name of missing) stored[name] = name === 'APP_KEYS' ? [random(), random()].join(',') : random();
  if (missing.length) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lines = SECRET_NAMES.map((name) => `${name}=${stored[name]}`);
    fs.writeFileSync(file, `# npm run cluster: secrets shared by its nodes (generated, never commit)\n${lines.join('\n')}\n`, { mode: 0o600 });
  }
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, process.env[name] || stored[name]]));
}

async function ensureDatabase(settings: PostgresSettings, name: string): Promise<void> {
  const client = new Client(pgClientConfig(settings, 'postgres'));
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL (${describeDatabase(settings)}): ${(err as Error).message}`);
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function ensureRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined); // reported below
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Redis at ${url} does not answer (${(err as Error).message}): start it, or set REDIS_URL`);
  } finally {
    redis.disconnect();
  }
}

/** Compiles the app (server code only: the admin panel is `npm run build`) in a child, so this process stays small. */
function compile(log: (line: string) => void): void {
  const started = Date.now();
  const code = "require('@strapi/strapi').compileStrapi({ appDir: process.argv[1], ignoreDiagnostics: false }).catch((e) => { console.error(e); process.exit(1); })";
  const result = spawnSync(process.execPath, ['-e', code, appDir], { cwd: appDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`compiling the app failed (exit ${result.status})`);
  log(`compiled the app into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The load balancer: round-robin over the nodes, retrying another node only where that is safe. */
export function clusterNginxConfig(dir: string, port: number, nodePorts: number[]): string {
  const own = ownFiles(dir);
  // The app answers an upload over UPLOAD_MAX_BYTES with its own JSON 413: let such bodies through to it.
  const bodyMiB = Math.ceil(Number(process.env.UPLOAD_MAX_BYTES || 50 * 1024 * 1024) / 1024 / 1024) + 1;
  return `# Rendered by scripts/lib/cluster.ts for npm run cluster; docs/operations.md explains each setting.
worker_processes 1; # two app nodes share this machine's cores; one worker proxies thousands of requests/s
${own.main}
events { worker_connections 4096; }
http {
  log_format upstream '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                      'rt=$request_time upstream=$upstream_addr ustatus=$upstream_status ut=$upstream_response_time';
  access_log ${path.join(dir, 'access.log')} upstream;
  ${own.http}
  client_max_body_size ${bodyMiB}m;

  upstream newsroom {
    # A node that failed is left out for 5 s (a restarted node answers /_health ~4 s after its start).
${nodePorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 32;
    # Below Node's keep-alive timeout (5 s): nginx must never reuse a connection the node is closing,
    # or a POST sent on it fails with a 502 (nginx does not retry non-idempotent requests).
    keepalive_timeout 4s;
  }

  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://newsroom;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; # one proxy: TRUSTED_PROXIES=1 on the nodes
      proxy_set_header X-Forwarded-Proto $scheme;
      # A refused or timed-out connection is tried on the next node, for idempotent requests only
      # (GET, HEAD, PUT, DELETE, OPTIONS: nginx never re-sends a POST unless told "non_idempotent").
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      proxy_next_upstream_timeout 10s;
      proxy_connect_timeout 2s;   # a local node accepts in < 1 ms; 2 s means it is gone or stuck
      proxy_send_timeout 60s;
      proxy_read_timeout 60s;     # the slowest legitimate answer (a large upload's image formats) takes seconds
      # A list's headers (Surrogate-Key, Cache-Tag, Link, the security headers) pass 4 KB, nginx's default for the
      # whole header block; past it nginx answers 502 and marks the node failed.
      proxy_buffer_size 16k;
      proxy_buffers 8 16k;
      proxy_busy_buffers_size 32k;
    }
  }
}
`;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? ((line: string) => console.log(`[cluster] ${line}`));
  const count = options.nodes ?? 2;
  if (!Number.isInteger(count) || count < 1 || count > NAMES.length) throw new Error(`nodes must be 1–${NAMES.length}, got ${count}`);
  const dir = options.dir ?? path.join(appDir, '.tmp', 'cluster');
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755); // nginx's workers run as an unprivileged user
  const database = options.database ?? process.env.DATABASE_NAME ?? 'newsroom_cluster';
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const settings = databaseSettings({ ...process.env, DATABASE_CLIENT: 'postgres', DATABASE_NAME: database }) as PostgresSettings;

  const nginxBinary = ensureNginx(log);
  await ensureDatabase(settings, database);
  await ensureRedis(redisUrl);
  if (options.compile ?? true) compile(log);
  if (!fs.existsSync(path.join(appDir, 'dist', 'src', 'index.js'))) throw new Error('dist/ holds no compiled app: run without compile: false');

  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const secrets = clusterSecrets(path.join(appDir, '.tmp', 'cluster.env'));
  const nodePorts: number[] = [];
  for (let i = 0; i < count; i++) nodePorts.push(await freePort());

  const running: Array<Service | null> = nodePorts.map(() => null);
  let stopping = false;
  const members = nodePorts.map((nodePort, i) => {
    const name = NAMES[i];
    const nodeUrl = `http://127.0.0.1:${nodePort}`;
    const logFile = path.join(dir, `node-${name.toLowerCase()}.log`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...secrets,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(nodePort),
      PUBLIC_URL: url,
      DATABASE_CLIENT: 'postgres',
      DATABASE_NAME: database,
      REDIS_URL: redisUrl,
      // Every node runs the scheduler: each due item is claimed in PostgreSQL (FOR UPDATE SKIP LOCKED), once.
      CRON_ENABLED: 'true',
      TRUSTED_PROXIES: '1',
      STRAPI_TELEMETRY_DISABLED: 'true',
      ...options.env,
    };
    const start = async () => {
      const service = startService(process.execPath, strapiStartArgs(), {
        cwd: appDir,
        env,
        logFile,
        echo: options.echo ? `[${name}] ` : undefined,
        detached: true,
      });
      running[i] = service;
      void service.exited.then((code) => {
        if (!stopping && running[i] === service) log(`node ${name} (pid ${service.pid}) exited with ${code ?? 'a signal'}; nginx sends its requests to the others`);
      });
      const ms = await waitUntil(`node ${name} (${nodeUrl})`, () => answers(`${nodeUrl}/_health`, 204), service);
      log(`node ${name} answers /_health after ${(ms / 1000).toFixed(1)} s (pid ${service.pid})`);
    };
    const stop = async () => {
      const service = running[i];
      running[i] = null;
      await service?.stop('SIGTERM', 15_000);
    };
    const node: ClusterNode = {
      name,
      url: nodeUrl,
      get pid() {
        return running[i]?.pid ?? 0;
      },
      logFile,
      stop,
      async restart() {
        await stop();
        await start();
      },
    };
    return { node, start };
  });
  const nodes = members.map((m) => m.node);

  let nginx: Service | null = null;
  const stopAll = async () => {
    stopping = true;
    await nginx?.stop('SIGQUIT', 5_000);
    await Promise.all(nodes.map((node) => node.stop()));
  };
  try {
    // One after the other: the first boot of an empty database creates the schema, and two nodes doing
    // that at once would race on the same CREATE TABLEs.
    for (const member of members) await member.start();
    const config = clusterNginxConfig(dir, port, nodePorts);
    nginx = await runNginx(nginxBinary, dir, config, `${url}/_health`, true);
  } catch (err) {
    await stopAll();
    throw err;
  }
  const nginxService = nginx;
  return {
    url,
    nodes,
    nginx: {
      url,
      get pid() {
        return nginxService.pid;
      },
      config: path.join(dir, 'nginx.conf'),
      accessLog: path.join(dir, 'access.log'),
      errorLog: path.join(dir, 'error.log'),
    },
    database,
    redisUrl,
    stop: stopAll,
  };
}
