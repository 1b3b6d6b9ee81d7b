/**
 * The app under test: its database, its production build, an in-process
 * instance for seeding/EXPLAIN, and `strapi start` child processes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import { answers, freePort, startService, strapiStartArgs, waitUntil } from '../lib/processes';
import type { DbClient } from './args';

export const appDir = path.resolve(__dirname, '..', '..');
export const distDir = path.join(appDir, 'dist');
const strapiBin = path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

/** Secrets a production boot requires; fixed bench-only values (never used outside this harness). */
const BENCH_SECRETS: Record<string, string> = {
  APP_KEYS: 'benchKeyA,benchKeyB',
  API_TOKEN_SALT: 'bench-api-token-salt',
  ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
  JWT_SECRET: 'bench-jwt-secret',
  ENCRYPTION_KEY: 'bench-encryption-key-32-chars-xx',
  PREVIEW_SECRET: 'bench-preview-secret',
};

/** Each benchmark (`perf`: npm run bench, `search`: npm run bench:search) keeps its own corpus per size. */
export function databaseEnv(db: DbClient, articles: number, corpus: 'perf' | 'search' = 'perf'): Record<string, string> {
  if (db === 'postgres') {
    return {
      DATABASE_CLIENT: 'postgres',
      DATABASE_NAME: `newsroom_${corpus}_${articles}`,
      DATABASE_HOST: process.env.DATABASE_HOST ?? '127.0.0.1',
      DATABASE_PORT: process.env.DATABASE_PORT ?? '5432',
      DATABASE_USERNAME: process.env.DATABASE_USERNAME ?? 'postgres',
      DATABASE_PASSWORD: process.env.DATABASE_PASSWORD ?? '',
    };
  }
  return { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: corpus === 'perf' ? `.tmp/bench-${articles}.db` : `.tmp/bench-${corpus}-${articles}.db` };
}

/** Environment shared by every process of a run: production, quiet, generous rate limits (one client IP). */
export function baseEnv(db: DbClient, articles: number, corpus: 'perf' | 'search' = 'perf'): Record<string, string> {
  return {
    ...BENCH_SECRETS,
    ...Object.fromEntries(Object.keys(BENCH_SECRETS).filter((k) => process.env[k]).map((k) => [k, process.env[k]!])),
    ...databaseEnv(db, articles, corpus),
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    SEED_DEMO: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    // One public origin for the seeding process and every server, whatever its port, as in production: the
    // read model's rows (media URLs in JSON-LD) are rendered for it, and a new origin re-renders them all.
    PUBLIC_URL: 'http://127.0.0.1:1337',
    // The feed rate limiter would answer 429 to a benchmark from one IP; keep it in the path, out of the way.
    RATE_LIMIT_ANON_PER_MIN: '1000000000',
    RATE_LIMIT_TOKEN_PER_MIN: '1000000000',
    // Search and related stories have their own per-minute limit (600 by default): a bench is one client.
    RATE_LIMIT_SEARCH_PER_MIN: '1000000000',
  };
}

/** A pg client on the bench server (the bench database, or `postgres` for admin statements). */
export const pgClient = (env: Record<string, string>, database = env.DATABASE_NAME) =>
  new Client({ host: env.DATABASE_HOST, port: Number(env.DATABASE_PORT), user: env.DATABASE_USERNAME, password: env.DATABASE_PASSWORD, database });

/** Drops and recreates the bench database (a fresh schema for a fresh seed). */
export async function resetDatabase(env: Record<string, string>): Promise<void> {
  if (env.DATABASE_CLIENT === 'postgres') {
    const client = pgClient(env, 'postgres');
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${env.DATABASE_NAME} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${env.DATABASE_NAME}`);
    } finally {
      await client.end();
    }
    return;
  }
  const file = path.join(appDir, env.DATABASE_FILENAME);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** `strapi build`: compiles the TypeScript app into dist/ and builds the admin panel. */
export function build(env: Record<string, string>): void {
  const result = spawnSync(process.execPath, [strapiBin, 'build'], {
    cwd: appDir,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`strapi build failed (exit ${result.status})`);
}

/** An in-process Strapi on the bench database (creates/migrates the schema on load). */
export async function loadStrapi(env: Record<string, string>): Promise<Core.Strapi> {
  Object.assign(process.env, env);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  return createStrapi({ appDir, distDir }).load();
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export interface Server {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 on /api/articles. */
  bootMs: number;
  stop(): Promise<void>;
}

/** Spawns `strapi start` and waits for the first 200 on /api/articles. */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const service = startService(process.execPath, strapiStartArgs(), {
    cwd: appDir,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil('strapi start', () => answers(`${url}/api/articles`, 200), service, timeoutMs);
  return { url, pid: service.pid, bootMs: Math.round(performance.now() - started), stop: () => service.stop('SIGTERM', 10_000) };
}
