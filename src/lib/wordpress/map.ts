/**
 * WordPress export → newsroom content, as plain data (pure: no Strapi, no I/O).
 *
 * The importer reads the export twice: the first pass builds a `WxrIndex`
 * (site, users, categories, tags, Co-Authors Plus terms, attachments — small
 * strings only, whatever the file's size) so that the second pass can map
 * each post on its own even when its featured image or category is declared
 * after it. `mapPost` turns one `<item>` into a `MappedPost` (or says why it
 * is skipped); the importer then writes it through the Document Service.
 */
import { Parser } from 'htmlparser2';
import type { BlockNode } from '../blocks-types';
import { isHttpUrl } from '../input-rules';
import { isValidSlug, slugify, truncateSlug } from '../slug';
import { htmlToBlocks, type GalleryImage } from './html-blocks';
import type { WxrAuthor, WxrEvent, WxrItem, WxrSite, WxrTerm } from './wxr-reader';

export const TITLE_MAX = 250;
export const EXCERPT_MAX = 600;
export const META_TITLE_MAX = 120;
export const META_DESCRIPTION_MAX = 300;
export const NAME_MAX = 255;

export interface WxrAttachment {
  id: string;
  url: string;
  title: string;
  alt: string;
  caption: string;
}

export interface WxrIndex {
  site: WxrSite;
  users: Map<string, WxrAuthor>;
  /** Categories, tags and Co-Authors Plus author terms by their exported slug. */
  categories: Map<string, WxrTerm>;
  tags: Map<string, WxrTerm>;
  coauthors: Map<string, WxrTerm>;
  /** term_id → category slug (Yoast/RankMath store the primary category by id). */
  categoryIds: Map<string, string>;
  attachments: Map<string, WxrAttachment>;
  counts: Record<string, number>;
}

export const emptyIndex = (): WxrIndex => ({
  site: { title: '', link: '', description: '', language: '', baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '' },
  users: new Map(),
  categories: new Map(),
  tags: new Map(),
  coauthors: new Map(),
  categoryIds: new Map(),
  attachments: new Map(),
  counts: {},
});

const term = (taxonomy: string, slug: string, name: string): WxrTerm => ({ id: '', taxonomy, slug, parent: '', name, description: '' });

/** Adds one event of the first pass to the index. */
export function indexEvent(index: WxrIndex, event: WxrEvent): void {
  if (event.type === 'site') index.site = event.site;
  else if (event.type === 'author') {
    if (event.author.login) index.users.set(event.author.login, event.author);
  } else if (event.type === 'term') {
    const t = event.term;
    if (!t.slug) return;
    if (t.taxonomy === 'category') {
      index.categories.set(t.slug, t);
      if (t.id) index.categoryIds.set(t.id, t.slug);
    } else if (t.taxonomy === 'post_tag') index.tags.set(t.slug, t);
    else if (t.taxonomy === 'author') index.coauthors.set(t.slug, t);
  } else {
    const item = event.item;
    const type = item.postType || 'post';
    index.counts[type] = (index.counts[type] ?? 0) + 1;
    if (type === 'attachment') {
      if (item.postId && item.attachmentUrl) {
        index.attachments.set(item.postId, {
          id: item.postId,
          url: item.attachmentUrl.trim(),
          title: htmlText(item.title),
          alt: (item.meta._wp_attachment_image_alt ?? '').trim(),
          caption: htmlText(item.excerpt),
        });
      }
      return;
    }
    // Terms used by items but not declared in the channel (partial exports).
    for (const c of item.categories) {
      if (!c.nicename) continue;
      if (c.domain === 'category' && !index.categories.has(c.nicename)) index.categories.set(c.nicename, term('category', c.nicename, c.name));
      else if (c.domain === 'post_tag' && !index.tags.has(c.nicename)) index.tags.set(c.nicename, term('post_tag', c.nicename, c.name));
      else if (c.domain === 'author' && !index.coauthors.has(c.nicename)) index.coauthors.set(c.nicename, term('author', c.nicename, c.name));
    }
  }
}

/** Text of an HTML fragment: tags removed, entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  let out = '';
  const parser = new Parser({ ontext: (t) => void (out += t) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return out.replace(/[\s\u200B]+/g, ' ').trim();
}

/** Cuts text to `max` characters at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The newsroom locale of the export's `<language>` (`ar`, `ar-SA`, `en-US`…), else the default. */
export function localeOf(language: string, locales: string[], fallback: string): string {
  const code = language.trim().toLowerCase().split(/[-_]/)[0];
  return locales.includes(code) ? code : fallback;
}

/** WordPress keeps non-ASCII slugs percent-encoded: decoded, lower-cased where Latin. */
export function decodeSlug(raw: string): string {
  let decoded = raw.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A malformed escape: keep the raw text, slugify below cleans it.
  }
  return decoded.normalize('NFC');
}

/** A valid newsroom slug from a WordPress slug ('' when nothing usable is left). */
export function newsroomSlug(raw: string): string {
  const decoded = decodeSlug(raw);
  if (isValidSlug(decoded)) return decoded;
  return truncateSlug(slugify(decoded));
}

const ZERO_DATE = /^0000-00-00/;

/** `YYYY-MM-DD HH:MM:SS` in UTC (post_date_gmt) → ISO; else pubDate (RFC 822); else the local post_date read as UTC. */
export function postDate(item: Pick<WxrItem, 'postDateGmt' | 'postDate' | 'pubDate'>): string | null {
  const sql = (value: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
    if (!m || ZERO_DATE.test(value)) return null;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  };
  const gmt = sql(item.postDateGmt);
  if (gmt) return gmt;
  if (item.pubDate.trim() && !/^-?0{3}/.test(item.pubDate.trim())) {
    const d = new Date(item.pubDate);
    if (!Number.isNaN(d.getTime()) && d.getUTCFullYear() > 1970) return d.toISOString();
  }
  return sql(item.postDate);
}

export type ArticleStatus = 'published' | 'draft' | 'scheduled';

/** WordPress post status → ours; null: not imported (trash, auto-draft, revisions' inherit). */
export function articleStatus(status: string): ArticleStatus | null {
  switch (status.trim()) {
    case 'publish':
      return 'published';
    case 'future':
      return 'scheduled';
    case 'draft':
    case 'pending':
    case 'private':
      return 'draft';
    default:
      return null;
  }
}

export interface MappedSeo {
  metaTitle?: string;
  metaDescription?: string;
  canonicalUrl?: string;
  noIndex?: boolean;
}

/**
 * Yoast SEO (`_yoast_wpseo_*`) and Rank Math (`rank_math_*`) post meta → our
 * seo component. Their title templates (%%title%% %%sep%% %%sitename%%, and
 * Rank Math's %title%) are filled in; unknown variables are removed.
 */
export function seoFromMeta(meta: Record<string, string>, ctx: { title: string; excerpt: string; siteTitle: string }): MappedSeo | null {
  const fill = (template: string) =>
    template
      .replace(/%%?(title|sitetitle|sitename|excerpt|excerpt_only|sep|page|category|primary_category)%%?/gi, (_m, v: string) => {
        const name = v.toLowerCase();
        if (name === 'title') return ctx.title;
        if (name === 'sitetitle' || name === 'sitename') return ctx.siteTitle;
        if (name === 'excerpt' || name === 'excerpt_only') return ctx.excerpt;
        if (name === 'sep') return '-';
        return '';
      })
      .replace(/%%[\w-]+%%/g, '')
      .replace(/\s+/g, ' ')
      .replace(/^[\s|–-]+|[\s|–-]+$/g, '')
      .trim();
  const first = (...keys: string[]) => keys.map((k) => meta[k]).find((v) => typeof v === 'string' && v.trim() !== '');
  const seo: MappedSeo = {};
  const title = first('_yoast_wpseo_title', 'rank_math_title');
  if (title) {
    const filled = clip(fill(htmlText(title)), META_TITLE_MAX);
    if (filled) seo.metaTitle = filled;
  }
  const description = first('_yoast_wpseo_metadesc', 'rank_math_description');
  if (description) {
    const filled = clip(fill(htmlText(description)), META_DESCRIPTION_MAX);
    if (filled) seo.metaDescription = filled;
  }
  const canonical = first('_yoast_wpseo_canonical', 'rank_math_canonical_url')?.trim();
  if (canonical && isHttpUrl(canonical) && canonical.length <= 2048) seo.canonicalUrl = canonical;
  if (meta['_yoast_wpseo_meta-robots-noindex'] === '1' || /"noindex"/.test(meta.rank_math_robots ?? '')) seo.noIndex = true;
  return Object.keys(seo).length ? seo : null;
}

export interface MappedAuthor {
  /** Stable key in the export: `user:<login>` or `guest:<term slug>`. */
  key: string;
  name: string;
  slug: string;
  email?: string;
}

export interface MappedTerm {
  key: string;
  name: string;
  slug: string;
  description?: string;
  /** The parent category's key (sections only). */
  parent?: string;
}

const userAuthor = (u: WxrAuthor): MappedAuthor => ({
  key: `user:${u.login}`,
  name: clip(u.displayName || [u.firstName, u.lastName].filter(Boolean).join(' ') || u.login, NAME_MAX),
  slug: newsroomSlug(u.login) || newsroomSlug(u.displayName),
  ...(u.email ? { email: u.email } : {}),
});

/** A post's authors, in byline order: its Co-Authors Plus terms when present, else its `dc:creator`. */
export function postAuthors(item: WxrItem, index: WxrIndex): MappedAuthor[] {
  const out: MappedAuthor[] = [];
  const add = (a: MappedAuthor) => {
    if (!out.some((x) => x.key === a.key)) out.push(a);
  };
  for (const c of item.categories.filter((c) => c.domain === 'author')) {
    // Co-Authors Plus names its terms cap-<user_nicename>; a linked WordPress user is the same person.
    const login = c.nicename.replace(/^cap-/, '');
    const user = index.users.get(login) ?? [...index.users.values()].find((u) => newsroomSlug(u.login) === newsroomSlug(login));
    if (user) add(userAuthor(user));
    else {
      const t = index.coauthors.get(c.nicename);
      const name = (t?.name || c.name || login).trim();
      add({ key: `guest:${c.nicename}`, name: clip(name, NAME_MAX), slug: newsroomSlug(login) || newsroomSlug(name) });
    }
  }
  if (!out.length && item.creator.trim()) {
    const login = item.creator.trim();
    const user = index.users.get(login);
    add(user ? userAuthor(user) : { key: `user:${login}`, name: clip(login, NAME_MAX), slug: newsroomSlug(login) });
  }
  return out;
}

/** The index's categories as sections, parents before children (a parent cycle is cut). */
export function sectionsInOrder(index: WxrIndex): MappedTerm[] {
  const out: MappedTerm[] = [];
  const done = new Set<string>();
  const visit = (slug: string, trail: Set<string>) => {
    if (done.has(slug) || trail.has(slug)) return;
    const t = index.categories.get(slug);
    if (!t) return;
    trail.add(slug);
    const parent = t.parent && index.categories.has(t.parent) && !trail.has(t.parent) ? t.parent : undefined;
    if (parent) visit(parent, trail);
    done.add(slug);
    out.push({
      key: slug,
      name: clip(htmlText(t.name) || decodeSlug(slug), NAME_MAX),
      slug: newsroomSlug(slug) || newsroomSlug(t.name),
      ...(t.description.trim() ? { description: htmlText(t.description) } : {}),
      ...(parent ? { parent } : {}),
    });
  };
  for (const slug of index.categories.keys()) visit(slug, new Set());
  return out;
}

export function tagsOf(index: WxrIndex): MappedTerm[] {
  return [...index.tags.values()].map((t) => ({
    key: t.slug,
    name: clip(htmlText(t.name) || decodeSlug(t.slug), NAME_MAX),
    slug: newsroomSlug(t.slug) || newsroomSlug(t.name),
  }));
}

/** An image to bring into the media library: an attachment (by id) or a bare URL. */
export interface MediaRef {
  /** `attachment:<id>` or `url:<absolute URL>`, stable across runs. */
  key: string;
  url: string;
  alt: string;
  caption: string;
  /** Original file name, for the media library. */
  name: string;
}

export interface MappedPost {
  wordpressId: string;
  guid: string;
  postType: string;
  link: string;
  locale: string;
  status: ArticleStatus;
  /** ISO date: firstPublishedAt for published posts, scheduledPublishAt for scheduled ones. */
  date: string | null;
  title: string;
  /** Decoded, valid slug ('' when the post had none: a draft; the slug middleware then makes one). */
  slug: string;
  /** The slug as WordPress stored it (percent-encoded), for the redirect map. */
  wordpressSlug: string;
  excerpt: string;
  body: BlockNode[];
  /** One per image block of `body`, in order. */
  bodyImages: MediaRef[];
  cover: (MediaRef & { credit?: string }) | null;
  section: string | null;
  tags: string[];
  authors: MappedAuthor[];
  seo: MappedSeo | null;
  isSticky: boolean;
  /** Things changed on the way in (clipped excerpt, dropped shortcodes…). */
  notes: string[];
}

export type MapResult =
  | { kind: 'post'; post: MappedPost }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; id: string; line: number; reason: string };

export interface MapOptions {
  locales: string[];
  defaultLocale: string;
  /** Import WordPress pages as articles too (`--pages`). */
  pages?: boolean;
}

const fileName = (url: string) => {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() || 'image');
  } catch {
    return 'image';
  }
};

function mediaFor(index: WxrIndex, attachmentId: string | null, src: string, alt: string, caption: string): MediaRef {
  const a = attachmentId ? index.attachments.get(attachmentId) : undefined;
  if (a) return { key: `attachment:${a.id}`, url: a.url, alt: alt || a.alt, caption: caption || a.caption, name: fileName(a.url) };
  return { key: `url:${src}`, url: src, alt, caption, name: fileName(src) };
}

/** Maps one export item. Pages, attachments, menu items and other post types are ignored (pages with `pages`). */
export function mapPost(item: WxrItem, index: WxrIndex, options: MapOptions): MapResult {
  const type = item.postType.trim() || 'post';
  if (type !== 'post' && !(type === 'page' && options.pages)) return { kind: 'ignored', reason: `post type ${type}` };
  const id = item.postId.trim();
  const invalid = (reason: string): MapResult => ({ kind: 'invalid', id: id || `line ${item.line}`, line: item.line, reason });
  if (!/^\d+$/.test(id)) return invalid('no numeric wp:post_id');
  const status = articleStatus(item.status);
  if (!status) return { kind: 'ignored', reason: `status ${item.status.trim() || '(none)'}` };

  const title = htmlText(item.title);
  if (!title) return invalid('the title is empty');
  if (title.length > TITLE_MAX) return invalid(`the title is ${title.length} characters long (at most ${TITLE_MAX})`);
  const date = postDate(item);
  if (!date && status !== 'draft') return invalid(`no usable date (post_date_gmt "${item.postDateGmt}", pubDate "${item.pubDate}")`);

  const notes: string[] = [];
  const baseUrl = index.site.link || index.site.baseSiteUrl || undefined;
  const galleryImages = (ids: string[]): GalleryImage[] =>
    ids.flatMap((gid) => {
      const a = index.attachments.get(gid);
      return a ? [{ id: gid, src: a.url, alt: a.alt, caption: a.caption }] : [];
    });
  const converted = htmlToBlocks(item.content, { baseUrl, galleryImages });
  if (converted.droppedShortcodes.length) notes.push(`shortcodes removed: ${converted.droppedShortcodes.join(', ')}`);
  const bodyImages = converted.images.map((img) => mediaFor(index, img.attachmentId, img.src, img.alt, img.caption));

  let excerpt = htmlText(item.excerpt);
  if (excerpt.length > EXCERPT_MAX) {
    excerpt = clip(excerpt, EXCERPT_MAX);
    notes.push(`excerpt cut to ${EXCERPT_MAX} characters`);
  }

  const thumbnail = item.meta._thumbnail_id?.trim();
  const attachment = thumbnail ? index.attachments.get(thumbnail) : undefined;
  if (thumbnail && !attachment) notes.push(`featured image ${thumbnail} is not in the export`);
  const cover = attachment ? mediaFor(index, attachment.id, attachment.url, '', '') : null;

  const primaryId = (item.meta._yoast_wpseo_primary_category || item.meta.rank_math_primary_category || '').trim();
  const primary = primaryId ? index.categoryIds.get(primaryId) : undefined;
  const categories = item.categories.filter((c) => c.domain === 'category' && c.nicename).map((c) => c.nicename);
  const section = primary && categories.includes(primary) ? primary : primary ?? categories[0] ?? null;
  const tags = [...new Set(item.categories.filter((c) => c.domain === 'post_tag' && c.nicename).map((c) => c.nicename))];

  const slug = item.postName.trim() ? newsroomSlug(item.postName) : '';
  if (item.postName.trim() && !slug) notes.push(`slug "${item.postName}" has no usable characters: made from the title`);

  return {
    kind: 'post',
    post: {
      wordpressId: id,
      guid: item.guid.trim(),
      postType: type,
      link: item.link.trim(),
      locale: localeOf(index.site.language, options.locales, options.defaultLocale),
      status,
      date,
      title,
      slug,
      wordpressSlug: item.postName.trim(),
      excerpt,
      body: converted.blocks,
      bodyImages,
      cover,
      section,
      tags,
      authors: postAuthors(item, index),
      seo: seoFromMeta(item.meta, { title, excerpt, siteTitle: index.site.title }),
      isSticky: item.isSticky.trim() === '1',
      notes,
    },
  };
}

export interface RedirectEntry {
  wordpressId: string;
  /** The old permalink's path (and query, for ?p=123 links), as WordPress printed it. */
  from: string;
  /** The same, percent-decoded (what nginx compares `$uri` with). */
  fromDecoded: string;
  /** The new public path, /{locale}/{section}/{slug}, percent-encoded. */
  to: string;
}

/** The redirect of one imported post; null when the old link is not a URL or already the new path. */
export function redirectFor(post: Pick<MappedPost, 'wordpressId' | 'link'>, newPath: string): RedirectEntry | null {
  let url: URL;
  try {
    url = new URL(post.link);
  } catch {
    return null;
  }
  const from = `${url.pathname}${url.search}`;
  if (from === newPath) return null;
  let fromDecoded = from;
  try {
    fromDecoded = decodeURIComponent(from);
  } catch {
    // keep the encoded form
  }
  return { wordpressId: post.wordpressId, from, fromDecoded, to: newPath };
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV with a header: wordpress_id,from,from_decoded,to. */
export function redirectsCsv(entries: RedirectEntry[]): string {
  const rows = entries.map((e) => [e.wordpressId, e.from, e.fromDecoded, e.to].map(csvCell).join(','));
  return ['wordpress_id,from,from_decoded,to', ...rows].join('\n') + '\n';
}

export interface ImportArgs {
  file: string;
  dryRun: boolean;
  limit: number | null;
  uploads: string | null;
  pages: boolean;
  redirects: string | null;
}

export class UsageError extends Error {}

/** `<export.xml> [--dry-run] [--limit N] [--uploads dir] [--pages] [--redirects file]`. */
export function parseImportArgs(argv: string[]): ImportArgs {
  const args: ImportArgs = { file: '', dryRun: false, limit: null, uploads: null, pages: false, redirects: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--pages') args.pages = true;
    else if (a === '--limit') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError('--limit must be a positive integer');
      args.limit = Number(v);
    } else if (a === '--uploads') args.uploads = value();
    else if (a === '--redirects') args.redirects = value();
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (!args.file) args.file = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  if (!args.file) throw new UsageError('the export file is missing');
  return args;
}
