/**
 * npm run restore -- <file> [--force]
 * Restores an archive of npm run backup into the database of the DATABASE_*
 * settings, which must be empty (or --force), and its files into
 * public/uploads. Every part is verified against the manifest before anything
 * is written. See docs/operations.md, "Backup and restore".
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { archiveKind, extractArchive, type Manifest } from './lib/backup/archive';
import { appIdentity, noSpace, parseCommandLine, passphrase, removeOnInterrupt, runCommand, secretFingerprints, size, UPLOADS_DIR } from './lib/backup/cli';
import { restoreDatabase, targetContents } from './lib/backup/database';
import { BackupError } from './lib/backup/errors';
import { appDir, databaseSettings, describeDatabase } from './lib/database-settings';

const USAGE = `usage: npm run restore -- <file> [--force]
  <file>   an archive written by npm run backup (BACKUP_PASSPHRASE must be set if it is encrypted)
  --force  restore even though the target database or public/uploads already hold data: DROPS the database's content first`;

const ENGINE = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

async function sha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Files of the archive already in public/uploads: with the same bytes (left alone) or with others (conflicts). */
async function existingUploads(manifest: Manifest): Promise<{ same: Set<string>; conflicts: string[] }> {
  const same = new Set<string>();
  const conflicts: string[] = [];
  for (const file of manifest.uploads) {
    const target = path.join(UPLOADS_DIR, file.path);
    if (!fs.existsSync(target)) continue;
    if ((await sha256(target)) === file.sha256) same.add(file.path);
    else conflicts.push(file.path);
  }
  return { same, conflicts };
}

/** Moves the staged uploads into public/uploads (a copy when they are on another file system). */
async function installUploads(stagedDir: string, manifest: Manifest, same: Set<string>): Promise<number> {
  let installed = 0;
  for (const file of manifest.uploads) {
    if (same.has(file.path)) continue;
    const target = path.join(UPLOADS_DIR, file.path);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const staged = path.join(stagedDir, file.path);
    await fs.promises.rename(staged, target).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EXDEV') throw err;
      await fs.promises.cp(staged, target, { preserveTimestamps: true });
    });
    installed++;
  }
  return installed;
}

/** Warnings for a restore under other secrets or another app version (the restore itself is still exact). */
function warnings(manifest: Manifest): string[] {
  const lines: string[] = [];
  const now = secretFingerprints();
  const differ = Object.keys(manifest.secrets).filter((name) => now[name] && now[name] !== manifest.secrets[name]);
  if (differ.length) {
    lines.push(
      `${differ.join(', ')} differ${differ.length === 1 ? 's' : ''} from the value${differ.length === 1 ? '' : 's'} in use when the backup was made. ` +
        'Start the app with the same secrets, or API tokens stop working (API_TOKEN_SALT) — see docs/operations.md.',
    );
  }
  const app = appIdentity();
  if (manifest.app.strapi !== app.strapi || manifest.app.version !== app.version) {
    lines.push(`the archive was made by ${manifest.app.name} ${manifest.app.version} on Strapi ${manifest.app.strapi}; this is ${app.version} on Strapi ${app.strapi}.`);
  }
  return lines;
}

runCommand(async () => {
  const { file, flags } = parseCommandLine(process.argv.slice(2), ['--force'], USAGE);
  const force = flags.has('--force');
  const kind = await archiveKind(file);
  const secret = kind === 'encrypted' ? passphrase(`${file} is encrypted`) : undefined;
  const settings = databaseSettings();
  const started = Date.now();
  // Staged under the app root, next to public/uploads: the files are then moved in, not copied.
  await fs.promises.mkdir(path.join(appDir, '.tmp'), { recursive: true });
  const staging = await fs.promises.mkdtemp(path.join(appDir, '.tmp', 'restore-'));
  removeOnInterrupt(staging);
  try {
    console.log(`Reading ${file}${secret ? ' (encrypted)' : ''}…`);
    const archive = await extractArchive(file, {
      passphrase: secret,
      stagingDir: staging,
      onDatabase: async (client) => {
        if (client !== settings.client) {
          throw new BackupError(
            `this archive holds a ${ENGINE[client]} database and the target is ${ENGINE[settings.client]} (DATABASE_CLIENT=${settings.client}). ` +
              `Restoring across engines is not supported: restore into ${ENGINE[client]}, or move the content with Strapi's own export/import (which leaves admin users and API tokens out).`,
          );
        }
        const present = await targetContents(settings);
        if (present.length && !force) {
          throw new BackupError(
            `the target ${describeDatabase(settings)} is not empty (it holds ${present.join(', ')}…). ` +
              'Restore only into an empty database: point DATABASE_* at a new one, or pass --force to DROP everything in this one first.',
          );
        }
      },
    });
    const { manifest } = archive;
    console.log(`Archive verified: made ${manifest.createdAt} from ${manifest.database.server}, ${manifest.uploads.length} uploaded files.`);
    const { same, conflicts } = await existingUploads(manifest);
    if (conflicts.length && !force) {
      throw new BackupError(
        `public/uploads already holds ${conflicts.length} file(s) with the same name and other bytes (${conflicts.slice(0, 3).join(', ')}…); ` +
          'move them away, or pass --force to overwrite them.',
      );
    }
    for (const line of warnings(manifest)) console.warn(`warning: ${line}`);
    console.log(`Restoring into the ${describeDatabase(settings)}…`);
    await restoreDatabase(settings, archive.databaseFile, force);
    const installed = await installUploads(archive.uploadsDir, manifest, same);
    const uploaded = manifest.uploads.reduce((n, f) => n + f.bytes, 0);
    console.log(
      `Restored in ${((Date.now() - started) / 1000).toFixed(1)} s: database ${size(manifest.database.bytes)} (as stored), ` +
        `${installed} uploaded files written (${same.size} already there), ${size(uploaded)}. The app can start on it now.`,
    );
  } catch (err) {
    throw noSpace(err, path.dirname(staging), 'the archive is extracted there (about its own size) before it is restored');
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
});
