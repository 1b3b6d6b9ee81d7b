/**
 * The Google Discover renditions of an uploaded image (16:9, 4:3 and 1:1 at
 * 1200 px, cut around the file's `focalPoint`), made by the upload plugin as
 * extra entries of the file's `formats`: Strapi uploads them through the
 * provider, stores them in `formats` with their url/size, replaces them with
 * the file and deletes them with it, like its own thumbnail/small/… formats.
 *
 * Geometry in src/lib/renditions.ts; sharp is the copy Strapi's upload plugin uses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import {
  discoverFormatKey,
  focalPointFromStrapi,
  isDiscoverFormatKey,
  planDiscoverRenditions,
  type FocalPoint,
} from '../../lib/renditions';

/** What Strapi's upload service hands to image-manipulation (the fields we read and write). */
export interface UploadingFile {
  name: string;
  hash: string;
  ext?: string;
  mime?: string;
  path?: string | null;
  filepath?: string;
  tmpWorkingDirectory?: string;
  focalPoint?: { x?: unknown; y?: unknown } | null;
  getStream: () => NodeJS.ReadableStream;
}

/** One entry of `formats` as Strapi stores its own, plus where it was cut from. */
export interface RenditionFile {
  name: string;
  hash: string;
  ext?: string;
  mime?: string;
  path: string | null;
  filepath: string;
  width: number;
  height: number;
  /** KB, as Strapi's formats. */
  size: number;
  sizeInBytes: number;
  /** The region of the (EXIF-oriented) original it shows, in pixels, and the focal point (0..1) it was cut around. */
  crop: { left: number; top: number; width: number; height: number };
  focalPoint: FocalPoint;
  getStream: () => NodeJS.ReadableStream;
}

const RESIZABLE = new Set(['jpeg', 'png', 'webp', 'tiff', 'gif']);

async function bytesOf(file: UploadingFile): Promise<Buffer> {
  // The original's upload runs concurrently and drops `filepath` once sent; getStream still reads the temp file.
  if (file.filepath) return fs.promises.readFile(file.filepath);
  const chunks: Buffer[] = [];
  for await (const chunk of file.getStream() as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * The three renditions as `{ key, file }`, the shape of Strapi's responsive
 * formats, written to the upload's temporary directory. `suffix` makes the
 * hashes of a re-crop differ from the previous ones (caches keep old URLs).
 */
export async function discoverRenditions(file: UploadingFile, input?: Buffer, suffix = ''): Promise<Array<{ key: string; file: RenditionFile }>> {
  const bytes = input ?? (await bytesOf(file));
  const { format, autoOrient } = await sharp(bytes).metadata();
  if (!format || !RESIZABLE.has(format) || !autoOrient.width || !autoOrient.height) return [];
  const focalPoint = focalPointFromStrapi(file.focalPoint);
  const dir = file.tmpWorkingDirectory ?? os.tmpdir();
  return Promise.all(
    planDiscoverRenditions({ width: autoOrient.width, height: autoOrient.height }, focalPoint).map(async (plan) => {
      const key = discoverFormatKey(plan.name);
      const hash = `${key}_${file.hash}${suffix}`;
      const filepath = path.join(dir, hash);
      // Same output format as the input (sharp's default), first frame of an animation; EXIF orientation applied.
      const info = await sharp(bytes).autoOrient().extract(plan.crop).resize(plan.output.width, plan.output.height).toFile(filepath);
      const rendition: RenditionFile = {
        name: `${key}_${file.name}`,
        hash,
        ext: file.ext,
        mime: file.mime,
        path: file.path ?? null,
        filepath,
        width: info.width,
        height: info.height,
        size: Math.round((info.size / 1000) * 100) / 100,
        sizeInBytes: info.size,
        crop: plan.crop,
        focalPoint,
        getStream: () => fs.createReadStream(filepath),
      };
      return { key, file: rendition };
    }),
  );
}

interface StoredFile {
  id: number;
  name: string;
  hash: string;
  ext?: string;
  mime?: string;
  url: string;
  provider?: string;
  focalPoint?: { x?: unknown; y?: unknown } | null;
  formats?: Record<string, Record<string, unknown>> | null;
}

/** The original's bytes: from the public folder for the local provider, else over HTTP(S). */
async function storedBytes(strapi: Core.Strapi, file: StoredFile): Promise<Buffer> {
  if (file.url.startsWith('/')) {
    const root = path.resolve(strapi.dirs.static.public);
    const local = path.resolve(root, `.${decodeURIComponent(file.url.split('?')[0])}`);
    if (!local.startsWith(root + path.sep)) throw new Error(`media file outside the public folder: ${file.url}`);
    return fs.promises.readFile(local);
  }
  const res = await fetch(file.url, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`media file ${file.url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

const focalTag = (focal: FocalPoint) => `_fp${Math.round(focal.x * 1000)}x${Math.round(focal.y * 1000)}`;

/**
 * After an editor moves a file's focal point (the media library's edit dialog
 * → updateFileInfo): cut the renditions again around it, upload them under new
 * hashes, store them in `formats` and delete the previous ones. Returns the
 * stored file as updated.
 */
export async function recropStoredFile(strapi: Core.Strapi, file: StoredFile): Promise<StoredFile> {
  const upload = strapi.plugin('upload');
  if (file.provider !== strapi.config.get('plugin::upload.provider')) return file;
  if (!file.mime?.startsWith('image/')) return file;
  const bytes = await storedBytes(strapi, file);
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'recrop-'));
  try {
    const focal = focalPointFromStrapi(file.focalPoint);
    const made = await discoverRenditions(
      { name: file.name, hash: file.hash, ext: file.ext, mime: file.mime, tmpWorkingDirectory: tmp, focalPoint: file.focalPoint, getStream: () => { throw new Error('unused'); } },
      bytes,
      focalTag(focal),
    );
    if (!made.length) return file;
    const previous = Object.entries(file.formats ?? {}).filter(([key]) => isDiscoverFormatKey(key));
    const formats: Record<string, unknown> = { ...(file.formats ?? {}) };
    for (const { key, file: rendition } of made) {
      await upload.service('provider').upload(rendition);
      const { getStream: _s, filepath: _f, ...stored } = rendition as RenditionFile & { filepath?: string };
      formats[key] = stored;
    }
    const updated = (await strapi.db.query('plugin::upload.file').update({ where: { id: file.id }, data: { formats } })) as StoredFile;
    const kept = new Set(made.map((m) => m.file.hash));
    for (const [, old] of previous) {
      if (!kept.has(old.hash as string)) await upload.provider.delete(old).catch((e: Error) => strapi.log.warn(`[renditions] could not delete ${old.hash}: ${e.message}`));
    }
    return updated;
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}
