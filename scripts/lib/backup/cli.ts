/** What `npm run backup` and `npm run restore` share: arguments, exit codes, the app's identity and secrets. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SECRET_NAMES } from '../../../src/lib/secrets';
import { appDir } from '../database-settings';
import type { Manifest } from './archive';
import { BackupError } from './errors';

/**
 * Strapi's local upload provider writes to `<public dir>/uploads`; config/server.ts sets no `dirs.public`, so it is
 * public/ of the app root.
 */
export const UPLOADS_DIR = path.join(appDir, 'public', 'uploads');

/** A wrong command line: exit 2 (0 for --help, whose text goes to stdout). */
class UsageError extends Error {
  constructor(message: string, readonly help = false) {
    super(message);
  }
}

/** `<file> [--flag…]`: exactly one file and only the flags given. */
export function parseCommandLine(argv: string[], flags: string[], usage: string): { file: string; flags: Set<string> } {
  const given = new Set<string>();
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') throw new UsageError(usage, true);
    if (arg.startsWith('--')) {
      if (!flags.includes(arg)) throw new UsageError(`unknown option ${arg}\n${usage}`);
      given.add(arg);
    } else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError(`${files.length ? 'one file only' : 'the archive file is missing'}\n${usage}`);
  return { file: path.resolve(files[0]), flags: given };
}

/** BACKUP_PASSPHRASE, or a BackupError saying it is needed. */
export function passphrase(why: string): string {
  const value = process.env.BACKUP_PASSPHRASE;
  if (!value) throw new BackupError(`${why}: set BACKUP_PASSPHRASE in the environment (never on the command line, where ps shows it)`);
  return value;
}

const readVersion = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; version: string };

export function appIdentity(): Manifest['app'] {
  const app = readVersion(path.join(appDir, 'package.json'));
  return { name: app.name, version: app.version, strapi: readVersion(require.resolve('@strapi/strapi/package.json')).version };
}

/**
 * A keyed fingerprint of each secret that is set (64 bits of an HMAC keyed by
 * the secret: it says whether two values are equal, not what they are). API
 * tokens are stored hashed with API_TOKEN_SALT: a restore under another salt
 * locks every partner out, so restore compares these and warns.
 */
export function secretFingerprints(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const prints: Record<string, string> = {};
  for (const name of SECRET_NAMES) {
    const value = env[name];
    if (value) prints[name] = crypto.createHmac('sha256', value).update('khaleeji247-backup secret fingerprint').digest('hex').slice(0, 16);
  }
  return prints;
}

/** 1536 → "1.5 KB". */
export function size(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (bytes >= 1024 && i < units.length - 1) (bytes /= 1024), i++;
  return `${i ? bytes.toFixed(1) : bytes} ${units[i]}`;
}

/** Removes the run's temporary files when it is interrupted (Ctrl-C, SIGTERM): a dump can be gigabytes. */
export function removeOnInterrupt(...paths: string[]): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const p of paths) fs.rmSync(p, { recursive: true, force: true });
      console.error(`interrupted (${signal}): nothing was written`);
      process.exit(130);
    });
  }
}

/** A full disk as an operator error naming the place, or the error itself. */
export function noSpace(err: unknown, where: string, why: string): unknown {
  const code = (err as { code?: string }).code;
  return code === 'ENOSPC' || code === 'SQLITE_FULL' ? new BackupError(`no space left in ${where}: ${why}`) : err;
}

/** Runs a command: BackupError → its message, exit 1; usage → exit 2; anything else → the stack, exit 1. */
export function runCommand(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: Error) => {
      if (err instanceof UsageError) {
        (err.help ? console.log : console.error)(err.message);
        process.exit(err.help ? 0 : 2);
      }
      console.error(err instanceof BackupError ? `error: ${err.message}` : err);
      process.exit(1);
    },
  );
}
