/**
 * The backup archive: one tar file (tar-stream, the library Strapi's own
 * export uses), optionally encrypted as a whole (./crypto.ts).
 *
 *   database.pgdump | database.sqlite.gz   first, so a restore knows the engine before reading further
 *   uploads/<path>                         every regular file of public/uploads
 *   manifest.json                          last: versions, creation time, size and SHA-256 of every part
 *
 * Everything is streamed: the database is dumped to a file first (a tar
 * header needs the size), then copied into the archive; nothing is held in
 * memory but the manifest.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { decryptStream, encryptStream, isEncrypted } from './crypto';
import { BackupError } from './errors';

export const FORMAT = 'khaleeji247-backup/1';
export type Client = 'postgres' | 'sqlite';
export const DB_ENTRY: Record<Client, string> = { postgres: 'database.pgdump', sqlite: 'database.sqlite.gz' };
const UPLOADS = 'uploads/';
const MANIFEST = 'manifest.json';
// 100,000 uploads (with their formats) make a manifest of ~15 MB; a larger one is not ours.
const MANIFEST_MAX_BYTES = 256 * 1024 * 1024;

export interface FilePart {
  /** Entry name for the database, path under public/uploads for an upload. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  app: { name: string; version: string; strapi: string };
  database: FilePart & { client: Client; server: string };
  uploads: FilePart[];
  /** Per secret, a keyed fingerprint (never the value): a restore warns when the app's secrets differ. */
  secrets: Record<string, string>;
}

const hashing = (hash: crypto.Hash) =>
  new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });

/** Every regular file below `dir`, as sorted POSIX paths relative to it (symbolic links are not followed). */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(path.join(dir, prefix), { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, rel)));
    else if (entry.isFile()) files.push(rel);
  }
  return files;
}

/**
 * Adds a file to the archive, hashing what is written. Returns null when the
 * file vanished before it could be opened (a medium deleted while the backup
 * ran): opening first means a tar header is only written for a file we hold.
 */
async function addFile(pack: tar.Pack, name: string, file: string): Promise<Omit<FilePart, 'path'> | null> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const stat = await handle.stat();
    const hash = crypto.createHash('sha256');
    await pipeline(handle.createReadStream({ autoClose: false }), hashing(hash), pack.entry({ name, size: stat.size, mtime: stat.mtime, mode: 0o644 }));
    return { bytes: stat.size, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

export interface ArchiveParts {
  database: { client: Client; server: string; file: string };
  uploadsDir: string;
  app: Manifest['app'];
  secrets: Manifest['secrets'];
  passphrase?: string;
}

/**
 * Writes the archive to `target` through `<target>.partial`, renamed when
 * complete and synced: an interrupted backup never leaves a truncated archive
 * under the real name, and an older archive there stays intact until then.
 */
export async function writeArchive(target: string, parts: ArchiveParts): Promise<Manifest> {
  const partial = `${target}.partial`;
  const pack = tar.pack();
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const written = parts.passphrase ? pipeline(pack, await encryptStream(parts.passphrase), out) : pipeline(pack, out);
  // Rejects as soon as the output fails (a full disk): raced against every step, which would otherwise
  // wait for ever on an entry the dead stream no longer reads.
  const outputFailed = written.then(() => new Promise<never>(() => undefined));
  const step = <T>(work: Promise<T>) => Promise.race([work, outputFailed]);
  try {
    const entry = DB_ENTRY[parts.database.client];
    const db = await step(addFile(pack, entry, parts.database.file));
    if (!db) throw new Error(`the database dump ${parts.database.file} disappeared`);
    const uploads: FilePart[] = [];
    for (const rel of await listFiles(parts.uploadsDir)) {
      const added = await step(addFile(pack, UPLOADS + rel, path.join(parts.uploadsDir, rel)));
      if (added) uploads.push({ path: rel, ...added });
    }
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      app: parts.app,
      database: { client: parts.database.client, server: parts.database.server, path: entry, ...db },
      uploads,
      secrets: parts.secrets,
    };
    pack.entry({ name: MANIFEST, mode: 0o644 }, JSON.stringify(manifest, null, 2));
    pack.finalize();
    await written;
    const handle = await fs.promises.open(partial, 'r+');
    await handle.sync();
    await handle.close();
    await fs.promises.rename(partial, target);
    return manifest;
  } catch (err) {
    pack.destroy(err as Error);
    await written.catch(() => undefined);
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
}

/** Whether `file` is an encrypted archive; throws a BackupError when it is neither kind of archive. */
export async function archiveKind(file: string): Promise<'encrypted' | 'plain'> {
  let start: Buffer;
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      start = Buffer.alloc(512);
      const { bytesRead } = await handle.read(start, 0, 512, 0);
      start = start.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupError(`no such file: ${file}`);
    if (code === 'EISDIR') throw new BackupError(`${file} is a directory, not a backup archive`);
    if (code === 'EACCES') throw new BackupError(`cannot read ${file}: permission denied`);
    throw err;
  }
  if (isEncrypted(start)) return 'encrypted';
  // A POSIX tar header says "ustar" at offset 257.
  if (start.length === 512 && start.subarray(257, 262).toString('latin1') === 'ustar') return 'plain';
  throw new BackupError(`${file} is not a backup archive made by npm run backup (neither a tar file nor an encrypted archive)`);
}

/** An uploads/ entry name as a safe relative path, or null (absolute, `..`, empty or odd names are refused). */
function uploadPath(name: string): string | null {
  const rel = name.slice(UPLOADS.length);
  const normal = path.posix.normalize(rel);
  if (!rel || normal !== rel || normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal) || rel.includes('\0')) return null;
  return normal;
}

export interface ExtractedArchive {
  manifest: Manifest;
  databaseFile: string;
  /** The staged copy of public/uploads. */
  uploadsDir: string;
}

/** Writes an entry to `file`, hashing it; `mode` 0644 for uploads (public files, perhaps served by nginx), 0600 for the dump. */
async function stage(stream: Readable, file: string, mode: number, mtime?: Date): Promise<Omit<FilePart, 'path'>> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const counting = hashing(hash).on('data', (chunk: Buffer) => (bytes += chunk.length));
  await pipeline(stream, counting, fs.createWriteStream(file, { mode }));
  if (mtime) await fs.promises.utimes(file, mtime, mtime); // Last-Modified of /uploads stays what it was
  return { bytes, sha256: hash.digest('hex') };
}

async function readManifest(stream: Readable): Promise<Manifest> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    if (bytes > MANIFEST_MAX_BYTES) throw new BackupError(`manifest.json is larger than ${MANIFEST_MAX_BYTES} bytes: not an archive of ours`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Manifest;
  } catch {
    throw new BackupError('manifest.json is not valid JSON: the archive is damaged');
  }
}

/** Every staged part against the manifest: sizes, SHA-256 and the set of uploads. */
function verify(manifest: Manifest | null, db: (FilePart & { client: Client }) | null, uploads: Map<string, Omit<FilePart, 'path'>>) {
  if (!manifest || !db) throw new BackupError('the archive ends before its manifest: it was cut off (an interrupted copy?)');
  if (manifest.format !== FORMAT) throw new BackupError(`unknown archive format "${manifest.format}" (this tool reads ${FORMAT})`);
  const same = (a: Omit<FilePart, 'path'>, b: Omit<FilePart, 'path'>) => a.bytes === b.bytes && a.sha256 === b.sha256;
  if (manifest.database.client !== db.client || !same(manifest.database, db)) throw new BackupError(`checksum mismatch on ${db.path}: the archive is damaged`);
  const listed = new Set(manifest.uploads.map((f) => f.path));
  for (const file of manifest.uploads) {
    const got = uploads.get(file.path);
    if (!got) throw new BackupError(`uploads/${file.path} is listed in the manifest but missing from the archive`);
    if (!same(file, got)) throw new BackupError(`checksum mismatch on uploads/${file.path}: the archive is damaged`);
  }
  for (const rel of uploads.keys()) if (!listed.has(rel)) throw new BackupError(`uploads/${rel} is in the archive but not in its manifest`);
  return { manifest, databaseEntry: db.path };
}

/**
 * Extracts an archive into `stagingDir` and verifies every part against the
 * manifest before returning; `onDatabase` runs as soon as the first entry says
 * which engine the archive holds, before anything else is read (a restore
 * checks the target there, not after minutes of extraction).
 */
export async function extractArchive(
  file: string,
  options: { passphrase?: string; stagingDir: string; onDatabase: (client: Client) => Promise<void> },
): Promise<ExtractedArchive> {
  const kind = await archiveKind(file);
  if (kind === 'encrypted' && !options.passphrase) {
    throw new BackupError(`${file} is encrypted: set BACKUP_PASSPHRASE to the passphrase it was made with`);
  }
  const uploadsDir = path.join(options.stagingDir, 'uploads');
  let db: (FilePart & { client: Client }) | null = null;
  let manifest: Manifest | null = null;
  const uploads = new Map<string, Omit<FilePart, 'path'>>();

  const handle = async (header: tar.Headers, stream: Readable) => {
    const { name } = header;
    if (header.type !== 'file') throw new BackupError(`unexpected ${header.type} entry "${name}" in the archive`);
    if (!db) {
      const client = (Object.keys(DB_ENTRY) as Client[]).find((c) => DB_ENTRY[c] === name);
      if (!client) throw new BackupError(`${file} is a tar file but not a backup made by npm run backup (first entry "${name}")`);
      await options.onDatabase(client);
      db = { client, path: name, ...(await stage(stream, path.join(options.stagingDir, name), 0o600)) };
    } else if (name.startsWith(UPLOADS)) {
      const rel = uploadPath(name);
      if (!rel) throw new BackupError(`refusing the archive entry "${name}" (it would be written outside public/uploads)`);
      uploads.set(rel, await stage(stream, path.join(uploadsDir, rel), 0o644, header.mtime));
    } else if (name === MANIFEST && !manifest) {
      manifest = await readManifest(stream);
    } else {
      throw new BackupError(`unexpected entry "${name}" in the archive`);
    }
  };

  const extract = tar.extract();
  extract.on('entry', (header: tar.Headers, stream: Readable, next: (err?: unknown) => void) => {
    handle(header, stream).then(() => next(), next);
  });
  const source = fs.createReadStream(file);
  try {
    if (kind === 'encrypted') await pipeline(source, decryptStream(options.passphrase!), extract);
    else await pipeline(source, extract);
  } catch (err) {
    if ((err as Error).message === 'Unexpected end of data') throw new BackupError('the archive is cut off (an interrupted copy?)');
    if (/Invalid tar header/.test((err as Error).message)) throw new BackupError(`the archive is damaged: ${(err as Error).message}`);
    throw err;
  }
  const checked = verify(manifest, db, uploads);
  return { manifest: checked.manifest, databaseFile: path.join(options.stagingDir, checked.databaseEntry), uploadsDir };
}
