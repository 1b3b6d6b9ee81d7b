/**
 * npm run backup -- <file> [--encrypt]
 * Writes one archive with the whole database (DATABASE_* settings, as the app
 * reads them), public/uploads and a manifest; --encrypt encrypts it with
 * BACKUP_PASSPHRASE. See docs/operations.md, "Backup and restore".
 */
import fs from 'node:fs';
import path from 'node:path';
import { DB_ENTRY, writeArchive } from './lib/backup/archive';
import { appIdentity, noSpace, parseCommandLine, passphrase, removeOnInterrupt, runCommand, secretFingerprints, size, UPLOADS_DIR } from './lib/backup/cli';
import { dumpDatabase } from './lib/backup/database';
import { BackupError } from './lib/backup/errors';
import { databaseSettings, describeDatabase } from './lib/database-settings';

const USAGE = `usage: npm run backup -- <file> [--encrypt]
  <file>     where to write the archive (replaced only once the new one is complete)
  --encrypt  encrypt it with the passphrase in BACKUP_PASSPHRASE (AES-256-GCM, scrypt)`;

runCommand(async () => {
  const { file, flags } = parseCommandLine(process.argv.slice(2), ['--encrypt'], USAGE);
  const secret = flags.has('--encrypt') ? passphrase('--encrypt needs a passphrase') : undefined;
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new BackupError(`the directory ${dir} does not exist`);
  const settings = databaseSettings();
  const started = Date.now();
  // The dump is staged next to the archive: that disk is known to have room for it.
  const staging = await fs.promises.mkdtemp(path.join(dir, '.backup-'));
  removeOnInterrupt(staging, `${file}.partial`);
  try {
    const dump = path.join(staging, DB_ENTRY[settings.client]);
    console.log(`Dumping the ${describeDatabase(settings)}…`);
    const server = await dumpDatabase(settings, staging, dump);
    console.log(`Writing ${file}${secret ? ' (encrypted)' : ''} with public/uploads…`);
    const manifest = await writeArchive(file, {
      database: { client: settings.client, server, file: dump },
      uploadsDir: UPLOADS_DIR,
      app: appIdentity(),
      secrets: secretFingerprints(),
      passphrase: secret,
    });
    const uploaded = manifest.uploads.reduce((n, f) => n + f.bytes, 0);
    console.log(
      `Backup written in ${((Date.now() - started) / 1000).toFixed(1)} s: ${file} (${size(fs.statSync(file).size)}; ` +
        `${server} database ${size(manifest.database.bytes)}, ${manifest.uploads.length} uploaded files ${size(uploaded)}).`,
    );
  } catch (err) {
    throw noSpace(err, dir, 'the dump is staged there and then copied into the archive: it needs twice the dump\'s size');
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
});
