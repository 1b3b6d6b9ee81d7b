import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { articleUrl } from '../../../lib/article-url';
import type { BlockNode, BlocksImage } from '../../../lib/blocks-types';
import { uniqueSlug } from '../../../lib/slug';
import {
  emptyIndex, indexEvent, localeOf, mapPost, redirectFor, sectionsInOrder, tagsOf,
  type MappedAuthor, type MappedPost, type MappedTerm, type MediaRef, type RedirectEntry, type WxrIndex,
} from '../../../lib/wordpress/map';
import { readWxr } from '../../../lib/wordpress/wxr-reader';
import { slugTaken } from '../../../documents/slugs';
import { infra } from '../../../infra';
import { importMapService } from '../../services';

/**
 * WordPress (WXR) import: `npm run import:wordpress` (scripts/import-wordpress.ts)
 * calls `run`. Everything is written through the Document Service, so slugs,
 * validation, the search index, the read model and cache eviction follow as
 * for any editor's write. Each post is written in one transaction together
 * with its import_map row: a post that fails leaves nothing behind and is
 * reported by its WordPress id. Sections, tags, authors and media files are
 * shared by many posts and are written (once) before the post that needs them.
 */
const ARTICLE = 'api::article.article';
const SECTION = 'api::section.section';
const TAG = 'api::tag.tag';
const AUTHOR = 'api::author.author';
const FILE = 'plugin::upload.file';
/** Bump when the mapping changes, so the next run rewrites every post instead of skipping it as unchanged. */
const MAPPING_VERSION = '1';

export type PostOutcome = 'created' | 'updated' | 'unchanged';

export interface ImportOptions {
  dryRun?: boolean;
  limit?: number | null;
  /** A local copy of wp-content/uploads, used when a file cannot be downloaded. */
  uploadsDir?: string | null;
  pages?: boolean;
  /** Per download (default 10 s). A host that fails once is not asked again in this run. */
  downloadTimeoutMs?: number;
  onProgress?: (done: number, total: number, report: ImportReport) => void;
}

export interface ImportReport {
  site: string;
  locale: string;
  dryRun: boolean;
  posts: Record<PostOutcome, number>;
  /** Items that are not articles (pages, attachments, menu items, trash…), by reason. */
  ignored: Record<string, number>;
  /** Items reported and skipped: nothing of them was written. */
  skipped: Array<{ id: string; line: number; reason: string }>;
  created: { sections: number; tags: number; authors: number };
  media: { downloaded: number; fromUploads: number; reused: number; missing: string[] };
  notes: Array<{ id: string; note: string }>;
  redirects: RedirectEntry[];
  /** What a dry run would do, per WordPress post id. */
  plan: Array<{ id: string; action: PostOutcome; title: string }>;
  ms: number;
}

type Doc = { documentId: string; [key: string]: unknown };
const sha = (value: unknown) => crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');
const errorText = (err: unknown): string => {
  const e = err as { message?: string; details?: { errors?: Array<{ path?: unknown[]; message?: string }> } };
  const first = e?.details?.errors?.[0];
  return first?.path ? `${e.message} (${first.path.join('.')}: ${first.message})` : (e?.message ?? String(err));
};

/** Where the file of an uploads URL lives in a local copy of wp-content/uploads. */
export function uploadsPath(url: string, dir: string): string | null {
  try {
    const p = decodeURIComponent(new URL(url).pathname);
    const i = p.indexOf('/wp-content/uploads/');
    const rel = i >= 0 ? p.slice(i + '/wp-content/uploads/'.length) : p.replace(/^\/+/, '');
    const full = path.resolve(dir, rel);
    return full.startsWith(path.resolve(dir) + path.sep) ? full : null;
  } catch {
    return null;
  }
}

const MIME: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif', '.svg': 'image/svg+xml' };

/** The image value a blocks image node stores: a snapshot of the upload file. */
function blockImage(file: Record<string, unknown>, ref: MediaRef): BlocksImage {
  const pick = (k: string) => file[k] as never;
  return {
    name: pick('name'), alternativeText: ref.alt || pick('alternativeText') || null, caption: ref.caption || pick('caption') || null,
    width: pick('width'), height: pick('height'), formats: pick('formats'), hash: pick('hash'), ext: pick('ext'), mime: pick('mime'),
    size: pick('size'), url: pick('url'), previewUrl: pick('previewUrl') ?? null, provider: pick('provider'),
    provider_metadata: pick('provider_metadata') ?? null, createdAt: pick('createdAt'), updatedAt: pick('updatedAt'),
  };
}

const wordpress = ({ strapi }: { strapi: Core.Strapi }) => {
  const map = () => importMapService(strapi);
  const docs = (uid: string) => strapi.documents(uid as typeof ARTICLE);

  async function exists(uid: string, documentId: string, locale: string): Promise<boolean> {
    return (await strapi.db.query(uid as typeof ARTICLE).findOne({ where: { documentId, locale }, select: ['id'] })) !== null;
  }

  return {
    /** Imports a WXR file (read twice, streaming). Throws WxrFormatError when it is not a readable export. */
    async run(file: string, options: ImportOptions = {}): Promise<ImportReport> {
      const started = Date.now();
      const dryRun = !!options.dryRun;
      const index: WxrIndex = emptyIndex();
      for await (const event of readWxr(fs.createReadStream(file, { highWaterMark: 256 * 1024 }))) indexEvent(index, event);

      const locales = await infra(strapi).locales.known();
      const defaultLocale = await infra(strapi).locales.defaultLocale();
      const locale = localeOf(index.site.language, locales, defaultLocale);
      const siteUrl = (index.site.baseSiteUrl || index.site.link).replace(/\/+$/, '');
      const source = `wordpress:${siteUrl}`;
      const report: ImportReport = {
        site: siteUrl, locale, dryRun, posts: { created: 0, updated: 0, unchanged: 0 }, ignored: {}, skipped: [],
        created: { sections: 0, tags: 0, authors: 0 }, media: { downloaded: 0, fromUploads: 0, reused: 0, missing: [] },
        notes: [], redirects: [], plan: [], ms: 0,
      };
      const candidates = (index.counts.post ?? 0) + (options.pages ? (index.counts.page ?? 0) : 0);
      const total = options.limit ? Math.min(options.limit, candidates) : candidates;

      const sections = new Map(sectionsInOrder(index).map((s) => [s.key, s]));
      const tags = new Map(tagsOf(index).map((t) => [t.key, t]));
      const resolved = new Map<string, { documentId: string; slug: string } | null>();

      /** Finds or creates the section/tag/author of a key; in a dry run only finds. */
      async function ensure(uid: string, kind: string, term: MappedTerm | MappedAuthor, data: Record<string, unknown>): Promise<{ documentId: string; slug: string } | null> {
        const cacheKey = `${kind}:${term.key}`;
        if (resolved.has(cacheKey)) return resolved.get(cacheKey)!;
        const key = { source, kind, externalId: term.key, locale };
        const row = await map().get(key);
        let found: { documentId: string; slug: string } | null = null;
        if (row && (await exists(uid, row.targetId, locale))) {
          const stored = await strapi.db.query(uid as typeof ARTICLE).findOne({ where: { documentId: row.targetId, locale }, select: ['slug'] });
          found = { documentId: row.targetId, slug: String(stored?.slug ?? term.slug) };
        } else if (term.slug) {
          // A section/tag/author the newsroom already has under this slug is the same one (e.g. «سياسة»).
          const same = await strapi.db.query(uid as typeof ARTICLE).findOne({ where: { slug: term.slug, locale }, select: ['documentId', 'slug'] });
          if (same) found = { documentId: same.documentId, slug: same.slug };
        }
        if (!found && !dryRun) {
          const created = (await docs(uid).create({ data: { ...data, ...(term.slug ? { slug: term.slug } : {}) } as never, locale })) as unknown as Doc;
          found = { documentId: created.documentId, slug: String(created.slug ?? '') };
          report.created[kind === 'section' ? 'sections' : kind === 'tag' ? 'tags' : 'authors']++;
        }
        if (found && !dryRun && row?.targetId !== found.documentId) await map().put(key, { targetId: found.documentId });
        resolved.set(cacheKey, found);
        return found;
      }

      async function ensureSection(key: string): Promise<{ documentId: string; slug: string } | null> {
        const s = sections.get(key);
        if (!s) return null;
        const parent = s.parent ? await ensureSection(s.parent) : null;
        return ensure(SECTION, 'section', s, { name: s.name, ...(s.description ? { description: s.description } : {}), ...(parent ? { parent: parent.documentId } : {}) });
      }
      const ensureTag = (key: string) => {
        const t = tags.get(key);
        return t ? ensure(TAG, 'tag', t, { name: t.name }) : Promise.resolve(null);
      };
      const ensureAuthor = (a: MappedAuthor) => ensure(AUTHOR, 'author', a, { name: a.name, ...(a.email ? { email: a.email } : {}) });

      // ---- media -------------------------------------------------------------------------------
      const files = new Map<string, Record<string, unknown> | null>();
      const deadHosts = new Set<string>();
      const timeoutMs = options.downloadTimeoutMs ?? 10_000;
      const tmp = dryRun ? '' : await fs.promises.mkdtemp(path.join(os.tmpdir(), 'wxr-media-'));

      async function download(url: string, target: string): Promise<boolean> {
        let host = '';
        try {
          host = new URL(url).host;
        } catch {
          return false;
        }
        if (deadHosts.has(host)) return false;
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
          if (!res.ok || !res.body) return false;
          await fs.promises.writeFile(target, Buffer.from(await res.arrayBuffer()));
          return true;
        } catch {
          deadHosts.add(host); // unreachable (DNS, refused, timeout): the rest of its files come from --uploads
          return false;
        }
      }

      async function ensureMedia(ref: MediaRef): Promise<Record<string, unknown> | null> {
        if (files.has(ref.key)) return files.get(ref.key)!;
        const key = { source, kind: 'media', externalId: ref.key };
        const row = await map().get(key);
        if (row) {
          const file = await strapi.db.query(FILE).findOne({ where: { id: Number(row.targetId) } });
          if (file) {
            report.media.reused++;
            files.set(ref.key, file);
            return file;
          }
        }
        if (dryRun) {
          files.set(ref.key, null);
          return null;
        }
        const ext = path.extname(ref.name).toLowerCase();
        const target = path.join(tmp, `${crypto.randomBytes(6).toString('hex')}${ext}`);
        let origin: 'downloaded' | 'fromUploads' | null = null;
        if (await download(ref.url, target)) origin = 'downloaded';
        else if (options.uploadsDir) {
          const local = uploadsPath(ref.url, options.uploadsDir);
          if (local && fs.existsSync(local)) {
            await fs.promises.copyFile(local, target);
            origin = 'fromUploads';
          }
        }
        if (!origin) {
          report.media.missing.push(ref.url);
          files.set(ref.key, null);
          return null;
        }
        const size = (await fs.promises.stat(target)).size;
        const [uploaded] = await strapi.plugin('upload').service('upload').upload({
          data: { fileInfo: { name: ref.name, alternativeText: ref.alt || null, caption: ref.caption || null } },
          files: { filepath: target, originalFilename: ref.name, mimetype: MIME[ext] ?? 'application/octet-stream', size },
        });
        await fs.promises.rm(target, { force: true });
        await map().put(key, { targetId: String(uploaded.id), meta: { url: ref.url } });
        report.media[origin]++;
        files.set(ref.key, uploaded);
        return uploaded;
      }

      // ---- posts -------------------------------------------------------------------------------
      const newPath = (sectionSlug: string | null | undefined, slug: string) => articleUrl({ baseUrl: '', locale, sectionSlug, slug });

      async function importPost(post: MappedPost): Promise<void> {
        const checksum = sha([MAPPING_VERSION, post]);
        const key = { source, kind: 'post', externalId: post.wordpressId, locale };
        const row = await map().get(key);
        const documentId = row && (await exists(ARTICLE, row.targetId, locale)) ? row.targetId : null;
        const action: PostOutcome = !documentId ? 'created' : row!.checksum === checksum ? 'unchanged' : 'updated';
        for (const note of post.notes) report.notes.push({ id: post.wordpressId, note });

        if (dryRun) {
          report.plan.push({ id: post.wordpressId, action, title: post.title });
          report.posts[action]++;
          return;
        }
        if (action === 'unchanged') {
          report.posts.unchanged++;
          const entry = post.status === 'published' && row!.meta.path ? redirectFor(post, String(row!.meta.path)) : null;
          if (entry) report.redirects.push(entry);
          return;
        }

        // Shared things first (each its own write, reused by later posts and runs).
        const section = post.section ? await ensureSection(post.section) : null;
        const tagIds = (await Promise.all(post.tags.map(ensureTag))).filter((t): t is NonNullable<typeof t> => !!t).map((t) => t.documentId);
        const authorIds: string[] = [];
        for (const a of post.authors) {
          const found = await ensureAuthor(a);
          if (found) authorIds.push(found.documentId);
        }
        const cover = post.cover ? await ensureMedia(post.cover) : null;
        let imageIndex = 0;
        const body: BlockNode[] = [];
        for (const block of post.body) {
          if (block.type !== 'image') {
            body.push(block);
            continue;
          }
          const ref = post.bodyImages[imageIndex++];
          const fileRow = ref ? await ensureMedia(ref) : null;
          if (fileRow) body.push({ ...block, image: blockImage(fileRow, ref) });
        }

        let slug = post.slug;
        if (slug && (await slugTaken(strapi, ARTICLE, slug, locale, documentId ?? undefined))) {
          slug = await uniqueSlug(slug, (candidate) => slugTaken(strapi, ARTICLE, candidate, locale, documentId ?? undefined));
          report.notes.push({ id: post.wordpressId, note: `slug "${post.slug}" is taken here: "${slug}"` });
        }
        const data: Record<string, unknown> = {
          title: post.title,
          ...(slug ? { slug } : {}),
          excerpt: post.excerpt || null,
          body,
          section: section?.documentId ?? null,
          authors: authorIds,
          tags: tagIds,
          cover: cover ? { image: cover.id, alt: post.cover!.alt || null, caption: post.cover!.caption || null } : null,
          seo: post.seo,
          scheduledPublishAt: post.status === 'scheduled' ? post.date : null,
        };

        await strapi.db.transaction(async () => {
          let id = documentId;
          if (!id) {
            const created = (await docs(ARTICLE).create({ data: data as never, locale, status: 'draft' })) as unknown as Doc;
            id = created.documentId;
          } else {
            await docs(ARTICLE).update({ documentId: id, data: data as never, locale, status: 'draft' });
          }
          const isPublished = (await strapi.db.query(ARTICLE).count({ where: { documentId: id, locale, publishedAt: { $notNull: true } } })) > 0;
          if (post.status === 'published') {
            // The story's own date, not today's: publish copies the draft's firstPublishedAt.
            await strapi.db.query(ARTICLE).update({ where: { documentId: id, locale, publishedAt: null }, data: { firstPublishedAt: post.date } });
            await docs(ARTICLE).publish({ documentId: id, locale });
          } else if (isPublished) {
            await docs(ARTICLE).unpublish({ documentId: id, locale });
          }
          const stored = await strapi.db.query(ARTICLE).findOne({ where: { documentId: id, locale, publishedAt: null }, select: ['slug'], populate: { section: { select: ['slug'] } } });
          const to = newPath((stored?.section as { slug?: string } | null)?.slug, String(stored?.slug ?? ''));
          await map().put(key, { targetId: id, checksum, meta: { guid: post.guid, link: post.link, path: to } });
          // Only a published post had a public permalink to redirect from.
          const entry = post.status === 'published' ? redirectFor(post, to) : null;
          if (entry) report.redirects.push(entry);
        });
        report.posts[action]++;
      }

      let done = 0;
      try {
        for await (const event of readWxr(fs.createReadStream(file, { highWaterMark: 256 * 1024 }))) {
          if (event.type !== 'item') continue;
          if (options.limit && done >= options.limit) break;
          const result = mapPost(event.item, index, { locales, defaultLocale, pages: options.pages });
          if (result.kind === 'ignored') {
            report.ignored[result.reason] = (report.ignored[result.reason] ?? 0) + 1;
            // A post in the trash still counts towards --limit and the progress bar; a page or menu item does not.
            if (result.reason.startsWith('status ')) {
              done++;
              options.onProgress?.(done, total, report);
            }
            continue;
          }
          done++;
          if (result.kind === 'invalid') {
            report.skipped.push({ id: result.id, line: result.line, reason: result.reason });
          } else {
            try {
              await importPost(result.post);
            } catch (err) {
              report.skipped.push({ id: result.post.wordpressId, line: event.item.line, reason: errorText(err) });
            }
          }
          options.onProgress?.(done, total, report);
        }
      } finally {
        if (tmp) await fs.promises.rm(tmp, { recursive: true, force: true });
      }
      report.ms = Date.now() - started;
      return report;
    },
  };
};

export type WordpressImportService = ReturnType<typeof wordpress>;
export default wordpress;
