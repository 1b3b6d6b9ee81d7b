/**
 * Streaming reader of WordPress eXtended RSS (WXR 1.0–1.2, "Tools → Export").
 *
 * A multi-GB export is never held in memory: saxes is fed chunk by chunk and
 * each `<item>` is handed out as soon as it closes, then forgotten. Only the
 * current item's text fields are buffered (`<wp:comment>` subtrees are skipped
 * without buffering). Elements are matched by namespace URI, not prefix, so
 * any prefix a plugin chose still works; every WXR version's `wp:` namespace
 * (`http://wordpress.org/export/1.x/`) is accepted.
 *
 * Pure: no Strapi, no file system (the caller passes any async iterable of chunks).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface WxrSite {
  title: string;
  link: string;
  description: string;
  /** `<language>` as WordPress writes it: `ar`, `en-US`… */
  language: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  wxrVersion: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

/** A category, a tag or any other term (`wp:term`, e.g. Co-Authors Plus' `author` taxonomy). */
export interface WxrTerm {
  id: string;
  taxonomy: string;
  /** URL slug as exported: percent-encoded for non-ASCII slugs. */
  slug: string;
  /** Parent term's slug (categories) — empty at the top level. */
  parent: string;
  name: string;
  description: string;
}

export interface WxrItemCategory {
  /** `category`, `post_tag`, `author` (Co-Authors Plus), `post_format`… */
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postModifiedGmt: string;
  postName: string;
  status: string;
  postType: string;
  postParent: string;
  attachmentUrl: string;
  isSticky: string;
  categories: WxrItemCategory[];
  /** `wp:postmeta` key → value (the last value wins for repeated keys). */
  meta: Record<string, string>;
  /** 1-based line where the item starts (for reports). */
  line: number;
}

export type WxrEvent =
  | { type: 'site'; site: WxrSite }
  | { type: 'author'; author: WxrAuthor }
  | { type: 'term'; term: WxrTerm }
  | { type: 'item'; item: WxrItem };

/** The file is not a readable WXR export (not XML, not well-formed, or no `<rss><channel>`). */
export class WxrFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WxrFormatError';
  }
}

const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
};
const WP_RE = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/$/;
const EXCERPT_RE = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/$/;

/** A stable name for an element whatever its prefix: `wp:post_id`, `dc:creator`, `title`… */
function canonical(tag: SaxesTagNS): string {
  const uri = tag.uri;
  if (!uri) return tag.local;
  if (WP_RE.test(uri)) return `wp:${tag.local}`;
  if (EXCERPT_RE.test(uri)) return `excerpt:${tag.local}`;
  if (uri === NS.dc) return `dc:${tag.local}`;
  if (uri === NS.content) return `content:${tag.local}`;
  return `{${uri}}${tag.local}`;
}

const emptyItem = (line: number): WxrItem => ({
  title: '', link: '', pubDate: '', creator: '', guid: '', content: '', excerpt: '', postId: '', postDate: '',
  postDateGmt: '', postModifiedGmt: '', postName: '', status: '', postType: '', postParent: '', attachmentUrl: '',
  isSticky: '', categories: [], meta: {}, line,
});

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title', link: 'link', pubDate: 'pubDate', 'dc:creator': 'creator', guid: 'guid', 'content:encoded': 'content',
  'excerpt:encoded': 'excerpt', 'wp:post_id': 'postId', 'wp:post_date': 'postDate', 'wp:post_date_gmt': 'postDateGmt',
  'wp:post_modified_gmt': 'postModifiedGmt', 'wp:post_name': 'postName', 'wp:status': 'status', 'wp:post_type': 'postType',
  'wp:post_parent': 'postParent', 'wp:attachment_url': 'attachmentUrl', 'wp:is_sticky': 'isSticky',
};
const SITE_FIELDS: Record<string, keyof WxrSite> = {
  title: 'title', link: 'link', description: 'description', language: 'language', 'wp:base_site_url': 'baseSiteUrl',
  'wp:base_blog_url': 'baseBlogUrl', 'wp:wxr_version': 'wxrVersion',
};
const AUTHOR_FIELDS: Record<string, keyof WxrAuthor> = {
  'wp:author_id': 'id', 'wp:author_login': 'login', 'wp:author_email': 'email', 'wp:author_display_name': 'displayName',
  'wp:author_first_name': 'firstName', 'wp:author_last_name': 'lastName',
};
/** `wp:category`, `wp:tag` and `wp:term` children → WxrTerm fields. */
const TERM_FIELDS: Record<string, keyof WxrTerm> = {
  'wp:term_id': 'id', 'wp:category_nicename': 'slug', 'wp:category_parent': 'parent', 'wp:cat_name': 'name',
  'wp:category_description': 'description', 'wp:tag_slug': 'slug', 'wp:tag_name': 'name', 'wp:tag_description': 'description',
  'wp:term_taxonomy': 'taxonomy', 'wp:term_slug': 'slug', 'wp:term_parent': 'parent', 'wp:term_name': 'name',
  'wp:term_description': 'description',
};
const TERM_TAXONOMY: Record<string, string> = { 'wp:category': 'category', 'wp:tag': 'post_tag', 'wp:term': '' };

/**
 * Reads a WXR export as a stream of events: the site once (when the first
 * author, term or item is met), then authors, terms and items in file order.
 * Throws WxrFormatError when the input is not well-formed XML or not a WXR file.
 */
export async function* readWxr(chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): AsyncGenerator<WxrEvent> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const queue: WxrEvent[] = [];
  const path: string[] = [];
  let text = '';
  let site: WxrSite | null = { title: '', link: '', description: '', language: '', baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '' };
  let author: WxrAuthor | null = null;
  let term: WxrTerm | null = null;
  let item: WxrItem | null = null;
  let category: WxrItemCategory | null = null;
  let meta: { key: string; value: string } | null = null;
  let skipDepth = 0; // inside <wp:comment>: nothing is buffered
  let sawChannel = false;
  let failure: Error | null = null;

  const flushSite = () => {
    if (site) queue.push({ type: 'site', site });
    site = null;
  };

  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('opentag', (tag) => {
    const name = canonical(tag as SaxesTagNS);
    path.push(name);
    text = '';
    if (skipDepth) return void skipDepth++;
    if (path.length === 1 && name !== 'rss') failure ??= new WxrFormatError(`not a WordPress export: the root element is <${tag.name}>, not <rss>`);
    if (path.length === 2 && name === 'channel') sawChannel = true;
    if (path.length !== 3 && !item) return;
    if (item) {
      if (name === 'wp:comment') skipDepth = 1;
      else if (name === 'category' && path.length === 4) {
        const attr = (n: string) => String((tag as SaxesTagNS).attributes[n]?.value ?? '');
        category = { domain: attr('domain'), nicename: attr('nicename'), name: '' };
      } else if (name === 'wp:postmeta') meta = { key: '', value: '' };
      return;
    }
    if (name === 'item') {
      flushSite();
      item = emptyItem(parser.line);
    } else if (name === 'wp:author') {
      flushSite();
      author = { id: '', login: '', email: '', displayName: '', firstName: '', lastName: '' };
    } else if (name in TERM_TAXONOMY) {
      flushSite();
      term = { id: '', taxonomy: TERM_TAXONOMY[name], slug: '', parent: '', name: '', description: '' };
    }
  });
  const onText = (t: string) => {
    if (!skipDepth) text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const name = path.pop()!;
    const value = text;
    text = '';
    if (skipDepth) return void skipDepth--;
    const depth = path.length; // depth of the closed element's parent
    if (item) {
      if (depth === 2 && name === 'item') {
        queue.push({ type: 'item', item });
        item = null;
      } else if (depth === 3) {
        if (name === 'category' && category) {
          category.name = value.trim();
          item.categories.push(category);
          category = null;
        } else if (name === 'wp:postmeta' && meta) {
          if (meta.key) item.meta[meta.key] = meta.value;
          meta = null;
        } else if (ITEM_FIELDS[name]) {
          (item as unknown as Record<string, string>)[ITEM_FIELDS[name]] = value;
        }
      } else if (depth === 4 && meta) {
        if (name === 'wp:meta_key') meta.key = value.trim();
        else if (name === 'wp:meta_value') meta.value = value;
      }
      return;
    }
    if (author) {
      if (depth === 2) {
        queue.push({ type: 'author', author });
        author = null;
      } else if (AUTHOR_FIELDS[name]) author[AUTHOR_FIELDS[name]] = value.trim();
      return;
    }
    if (term) {
      if (depth === 2) {
        queue.push({ type: 'term', term });
        term = null;
      } else if (TERM_FIELDS[name]) term[TERM_FIELDS[name]] = TERM_FIELDS[name] === 'description' ? value : value.trim();
      return;
    }
    if (depth === 2 && site && SITE_FIELDS[name]) site[SITE_FIELDS[name]] = value.trim();
  });

  // A Buffer chunk may end inside a multi-byte character: the decoder carries it over.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (failure) throw asFormatError(failure);
    while (queue.length) yield queue.shift()!;
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  parser.close();
  if (failure) throw asFormatError(failure);
  if (!sawChannel) throw new WxrFormatError('not a WordPress export: no <rss><channel>');
  flushSite();
  while (queue.length) yield queue.shift()!;
}

const asFormatError = (err: Error) => (err instanceof WxrFormatError ? err : new WxrFormatError(`not well-formed XML: ${err.message}`));
