import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createStrapi, type Core } from '@strapi/strapi';

export const appDir = path.resolve(__dirname, '../..');
const distDir = path.join(appDir, 'dist');
export const isPostgres = process.env.DATABASE_CLIENT === 'postgres';

/** A client on the test server's `database` (not connected yet). */
export const pgClient = (database = 'postgres') =>
  new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database,
  });

async function withPgAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = pgClient();
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  /** DATABASE_* variables that point the app (or a script) at it. */
  env: Record<string, string>;
  drop: () => Promise<void>;
}

/** A fresh, empty database for one suite; returns how to drop it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (isPostgres) {
    const name = `newsroom_test_${id}`;
    await withPgAdmin((c) => c.query(`CREATE DATABASE ${name}`));
    return {
      env: { DATABASE_NAME: name, DATABASE_HOST: process.env.DATABASE_HOST ?? '127.0.0.1' },
      drop: () => withPgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
  const file = `.tmp/test-${id}.db`; // relative: config/database.ts joins it onto the app root
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  return {
    env: { DATABASE_FILENAME: file },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(appDir, file + suffix), { force: true });
    },
  };
}

export interface TestApp {
  strapi: Core.Strapi;
  http: () => ReturnType<typeof request>;
  /** Creates an API token of the given type and returns its bearer value. */
  apiToken: (type?: 'full-access' | 'read-only' | 'custom', permissions?: string[]) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * Boots a real Strapi (compiled once by globalSetup) on a fresh database, or on `database` (e.g. one a
 * restore filled), and mounts its HTTP server. `stop()` drops the database.
 */
export async function startStrapi(extraEnv: Record<string, string> = {}, database?: TestDatabase): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  Object.assign(process.env, db.env, extraEnv);
  const strapi = await createStrapi({ appDir, distDir }).load();
  strapi.server.mount();
  let tokens = 0;
  return {
    strapi,
    http: () => request(strapi.server.httpServer),
    async apiToken(type = 'full-access', permissions) {
      const token = await strapi.service('admin::api-token').create({
        name: `test-${type}-${++tokens}-${crypto.randomBytes(3).toString('hex')}`,
        description: '',
        type,
        lifespan: null,
        ...(permissions ? { permissions } : {}),
      });
      return token.accessKey as string;
    },
    async stop() {
      await strapi.destroy();
      await db.drop();
    },
  };
}

/** GET with headers, the body kept as the UTF-8 text it was sent as (XML and feed JSON are compared byte for byte). */
export function getText(app: TestApp, path: string, headers: Record<string, string> = {}) {
  const req = app.http().get(path);
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req.buffer(true).parse((res, cb) => {
    let data = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (data += chunk));
    res.on('end', () => cb(null, data));
  });
}

/**
 * Counts SQL statements issued while `fn` runs (knex 'query' events). The
 * eviction-log and live-event polls (reads of cache_evictions and live_events every
 * second on PostgreSQL, src/infra/eviction-log.ts, src/infra/live.ts) run on their own
 * clock, not for the request: left out.
 */
export async function countQueries<T>(strapi: Core.Strapi, fn: () => Promise<T>): Promise<{ result: T; count: number; sql: string[] }> {
  const sql: string[] = [];
  const listener = (q: { sql: string }) => {
    if (!/^(select|delete) .*from "(cache_evictions|live_events)"/i.test(q.sql)) sql.push(q.sql);
  };
  strapi.db.connection.on('query', listener);
  try {
    const result = await fn();
    return { result, count: sql.length, sql };
  } finally {
    strapi.db.connection.removeListener('query', listener);
  }
}

/**
 * Starts another app process on the same database as `app` (same env), for
 * multi-node tests. Resolves with its base URL once it serves requests.
 */
export async function startSecondNode(extraEnv: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const net = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
  const child = spawn(process.execPath, [path.join(__dirname, 'child-strapi.js')], {
    env: { ...process.env, ...extraEnv, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('second node did not start in 60 s')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`second node exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
