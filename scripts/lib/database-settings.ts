/**
 * The app's database, read from the DATABASE_* variables config/database.ts
 * reads, with the same defaults, for tools that must not boot Strapi: a
 * backup must not run the app's migrations or bootstrap on the database it
 * copies, and a restore target is empty until the restore is done.
 */
import path from 'node:path';
import type { ClientConfig } from 'pg';

export const appDir = path.resolve(__dirname, '..', '..');

export interface SqliteSettings {
  client: 'sqlite';
  /** Absolute path: config/database.ts joins DATABASE_FILENAME onto the app root (even an absolute one). */
  file: string;
}

export interface PostgresSettings {
  client: 'postgres';
  connectionString?: string;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** DATABASE_SSL; `rejectUnauthorized` is DATABASE_SSL_REJECT_UNAUTHORIZED (default true), as in the app. */
  ssl: false | { rejectUnauthorized: boolean };
}

export type DatabaseSettings = SqliteSettings | PostgresSettings;

type Env = Record<string, string | undefined>;

export function databaseSettings(env: Env = process.env): DatabaseSettings {
  const client = env.DATABASE_CLIENT || 'sqlite';
  if (client === 'sqlite') return { client, file: path.join(appDir, env.DATABASE_FILENAME || '.tmp/data.db') };
  if (client !== 'postgres') throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" or "postgres".`);
  const port = Number(env.DATABASE_PORT || 5432);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`DATABASE_PORT must be a port number, got "${env.DATABASE_PORT}"`);
  return {
    client,
    connectionString: env.DATABASE_URL || undefined,
    host: env.DATABASE_HOST || '127.0.0.1',
    port,
    database: env.DATABASE_NAME || 'newsroom',
    user: env.DATABASE_USERNAME || 'postgres',
    password: env.DATABASE_PASSWORD || '',
    ssl: env.DATABASE_SSL === 'true' && { rejectUnauthorized: env.DATABASE_SSL_REJECT_UNAUTHORIZED !== 'false' },
  };
}

/** The database a DATABASE_URL names wins over DATABASE_NAME, as in pg (the URL's fields override the others). */
export const databaseName = (s: PostgresSettings): string =>
  s.connectionString ? decodeURIComponent(new URL(s.connectionString).pathname.slice(1)) || s.user : s.database;

/** node-postgres settings the app would use, optionally on another database of the same server. */
export function pgClientConfig(s: PostgresSettings, database?: string): ClientConfig {
  let connectionString = s.connectionString;
  if (connectionString && database) {
    const url = new URL(connectionString);
    url.pathname = `/${encodeURIComponent(database)}`;
    connectionString = url.toString();
  }
  return {
    connectionString,
    host: s.host,
    port: s.port,
    database: database ?? s.database,
    user: s.user,
    password: s.password,
    ssl: s.ssl,
  };
}

/**
 * How pg_dump / pg_restore reach the same database: the fields as libpq
 * variables, DATABASE_URL (if any) as --dbname, whose fields win over the
 * variables as they do in pg. DATABASE_SSL asks for TLS (sslmode=require);
 * set PGSSLMODE=verify-full and PGSSLROOTCERT yourself to verify the server.
 */
export function libpq(s: PostgresSettings): { env: Record<string, string>; dbname: string } {
  const env: Record<string, string> = {
    PGHOST: s.host,
    PGPORT: String(s.port),
    PGUSER: s.user,
    PGDATABASE: s.database,
    PGPASSWORD: s.password,
  };
  if (s.ssl && !process.env.PGSSLMODE) env.PGSSLMODE = 'require';
  return { env, dbname: s.connectionString ?? s.database };
}

/** One line naming the database, for messages (never the password). */
export function describeDatabase(s: DatabaseSettings): string {
  if (s.client === 'sqlite') return `SQLite file ${path.relative(process.cwd(), s.file) || s.file}`;
  if (s.connectionString) {
    const url = new URL(s.connectionString);
    return `PostgreSQL database "${databaseName(s)}" on ${url.hostname}:${url.port || 5432}`;
  }
  return `PostgreSQL database "${s.database}" on ${s.host}:${s.port}`;
}
