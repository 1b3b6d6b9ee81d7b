/**
 * The database part of a backup: the whole database, whatever its tables
 * (Strapi's, the search index's, admin users, API tokens, and any added
 * later), dumped by the engine's own tool and restored only into an empty
 * database.
 *   PostgreSQL: pg_dump --format=custom (compressed; pg_restore restores it in one transaction).
 *   SQLite: an online copy with SQLite's backup API (better-sqlite3 .backup()), gzipped.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Client as PgClient } from 'pg';
import { databaseName, describeDatabase, libpq, pgClientConfig, type DatabaseSettings, type PostgresSettings, type SqliteSettings } from '../database-settings';
import { BackupError } from './errors';

/** The part of better-sqlite3 used here (the package ships no types). */
interface SqliteDatabase {
  prepare(sql: string): { all(): Array<Record<string, unknown>>; get(): Record<string, unknown> | undefined };
  backup(file: string, options: { progress: () => number }): Promise<unknown>;
  close(): void;
}
type SqliteOpen = new (file: string, options: { readonly?: boolean; fileMustExist?: boolean }) => SqliteDatabase;
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Sqlite = require('better-sqlite3') as SqliteOpen;

/** Runs pg_dump / pg_restore; a failure carries the tool's own message. */
function runTool(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new BackupError(`${command} is not installed (Debian: apt-get install postgresql-client-15)`) : err),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}):\n${stderr.trim()}`))));
  });
}

/** A connected client, or a BackupError saying why not (unreachable server, bad credentials, missing database). */
async function connect(s: PostgresSettings, database?: string): Promise<PgClient> {
  const client = new PgClient(pgClientConfig(s, database));
  try {
    await client.connect();
    return client;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const where = describeDatabase(database ? { ...s, connectionString: undefined, database } : s);
    if (e.code === '3D000') throw Object.assign(new BackupError(`${where} does not exist`), { code: e.code });
    if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'ETIMEDOUT') throw new BackupError(`cannot reach ${where}: ${e.message}`);
    if (e.code === '28P01' || e.code === '28000') throw new BackupError(`PostgreSQL refused the login for ${where}: ${e.message}`);
    throw err;
  }
}

async function withPg<T>(s: PostgresSettings, fn: (c: PgClient) => Promise<T>): Promise<T> {
  const client = await connect(s);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function sqliteBackup(s: SqliteSettings, dir: string, out: string): Promise<string> {
  if (!fs.existsSync(s.file)) throw new BackupError(`no SQLite database at ${s.file} (check DATABASE_FILENAME)`);
  const db = new Sqlite(s.file, { readonly: true, fileMustExist: true });
  const copy = path.join(dir, 'copy.sqlite');
  try {
    // All pages in one step: a consistent copy that a writer cannot restart (page by page, each write of the
    // app makes SQLite start over). Writers wait meanwhile: 0.9 s for a 489 MB file here.
    await db.backup(copy, { progress: () => 0x7fffffff });
    const { version } = db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
    await pipeline(fs.createReadStream(copy), zlib.createGzip({ level: 6 }), fs.createWriteStream(out, { mode: 0o600 }));
    return `SQLite ${version}`;
  } finally {
    db.close();
    await fs.promises.rm(copy, { force: true });
  }
}

/** Dumps the whole database into `out`; returns the server's name and version for the manifest. */
export async function dumpDatabase(s: DatabaseSettings, dir: string, out: string): Promise<string> {
  if (s.client === 'sqlite') return sqliteBackup(s, dir, out);
  const server = await withPg(s, async (c) => `PostgreSQL ${(await c.query('SHOW server_version')).rows[0].server_version}`);
  const { env, dbname } = libpq(s);
  // One snapshot of the whole database, in a consistent state even while the app writes (pg_dump's own transaction).
  await runTool('pg_dump', ['--format=custom', '--no-password', `--file=${out}`, `--dbname=${dbname}`], env);
  return server;
}

/**
 * What the target already holds, as up to 5 object names ([] = empty). A
 * PostgreSQL database that does not exist yet is empty (restore creates it).
 * Objects of extensions (e.g. one preinstalled in template1) do not count.
 */
export async function targetContents(s: DatabaseSettings): Promise<string[]> {
  if (s.client === 'sqlite') {
    if (!fs.existsSync(s.file) || fs.statSync(s.file).size === 0) return [];
    const db = new Sqlite(s.file, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name LIMIT 5")
        .all()
        .map((row) => String(row.name));
    } finally {
      db.close();
    }
  }
  let client: PgClient;
  try {
    client = await connect(s);
  } catch (err) {
    if ((err as { code?: string }).code === '3D000') return [];
    throw err;
  }
  try {
    const user = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;
    const notExtension = (catalog: string) =>
      `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = o.oid AND d.deptype = 'e')`;
    const { rows } = await client.query(
      `SELECT n.nspname || '.' || o.relname AS name FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace
        WHERE o.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${user} AND ${notExtension('pg_class')}
       UNION ALL
       SELECT n.nspname || '.' || o.proname || '()' FROM pg_proc o JOIN pg_namespace n ON n.oid = o.pronamespace
        WHERE ${user} AND ${notExtension('pg_proc')}
       ORDER BY 1 LIMIT 5`,
    );
    return rows.map((r: { name: string }) => r.name);
  } finally {
    await client.end();
  }
}

async function restorePostgres(s: PostgresSettings, dump: string, force: boolean): Promise<void> {
  const name = databaseName(s);
  let client: PgClient;
  try {
    client = await connect(s);
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
    const admin = await connect(s, 'postgres');
    try {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } finally {
      await admin.end();
    }
    client = await connect(s);
  }
  try {
    if (force) {
      // --force: every user schema goes (CASCADE: tables, functions, extensions in it), then an empty public.
      const { rows } = await client.query(
        `SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'`,
      );
      for (const { nspname } of rows as Array<{ nspname: string }>) await client.query(`DROP SCHEMA "${nspname.replace(/"/g, '""')}" CASCADE`);
      await client.query('CREATE SCHEMA IF NOT EXISTS public');
    }
  } finally {
    await client.end();
  }
  const { env, dbname } = libpq(s);
  // One transaction: a failed restore leaves the database as empty as it was. Owners and grants of the
  // source server are not replayed: the restoring user owns what it creates (the app's user, usually).
  await runTool(
    'pg_restore',
    ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', '--no-password', `--dbname=${dbname}`, dump],
    env,
  );
}

async function restoreSqlite(s: SqliteSettings, gz: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(s.file), { recursive: true });
  const incoming = `${s.file}.restoring`;
  await pipeline(fs.createReadStream(gz), zlib.createGunzip(), fs.createWriteStream(incoming, { mode: 0o644 }));
  // The target is empty (or --force): drop it with its journal files, then move the copy in.
  for (const suffix of ['', '-wal', '-shm', '-journal']) await fs.promises.rm(s.file + suffix, { force: true });
  await fs.promises.rename(incoming, s.file);
}

/** Restores a verified dump into the target (whose emptiness the caller checked, or --force). */
export async function restoreDatabase(s: DatabaseSettings, dump: string, force: boolean): Promise<void> {
  if (s.client === 'sqlite') return restoreSqlite(s, dump);
  return restorePostgres(s, dump, force);
}
