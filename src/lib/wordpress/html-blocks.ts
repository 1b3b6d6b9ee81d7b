/**
 * WordPress post HTML → Strapi 5 blocks.
 *
 * Handles both editors: the classic one (bare text whose blank lines are
 * paragraphs, as `wpautop` renders them; shortcodes such as [caption],
 * [embed], [gallery]) and Gutenberg (the same HTML wrapped in
 * `<!-- wp:paragraph -->`… comments, whose JSON attributes carry the embed URL
 * and the image's attachment id).
 *
 * Output: paragraphs, headings, lists (nested), quotes, code, links (http,
 * https, mailto only), bold/italic/underline/strikethrough/code marks, and
 * image blocks whose `image` is a placeholder ({ url: the source, width 0 }):
 * the importer swaps in the uploaded file, or drops the block if the file
 * could not be found. Embeds (YouTube, X, iframes, video, audio) become a
 * paragraph holding a link. The site chrome the legacy parser knows (share
 * line, "أخبار ذات صلة", © lines, "Exit mobile version") is removed; scripts,
 * styles and unknown shortcodes are dropped.
 *
 * Pure: no Strapi, no I/O.
 */
import { Parser } from 'htmlparser2';
import type { BlockNode, HeadingLevel, ImageBlock, InlineNode, LinkNode, ListBlock, ListItemNode, TextModifier, TextNode } from '../blocks-types';
import { isBoilerplateLine, withoutExitMobile } from '../legacy-article';

/** An image the post shows, in body order (the cover is separate). */
export interface ImageRef {
  src: string;
  /** WordPress attachment id, from `class="wp-image-123"` or the Gutenberg block's `id`. */
  attachmentId: string | null;
  alt: string;
  caption: string;
}

export interface GalleryImage {
  id: string;
  src: string;
  alt: string;
  caption: string;
}

export interface HtmlBlocksOptions {
  /** Resolves relative links and image sources (the WordPress site's URL). */
  baseUrl?: string;
  /** Attachments of a `[gallery ids="…"]` shortcode, by id (unknown ids are left out). */
  galleryImages?: (ids: string[]) => GalleryImage[];
}

export interface HtmlBlocksResult {
  blocks: BlockNode[];
  /** One per image block, same order. */
  images: ImageRef[];
  /** URLs of embeds turned into links. */
  embeds: string[];
  /** Names of shortcodes dropped because they have no equivalent. */
  droppedShortcodes: string[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'form', 'button', 'select', 'textarea', 'map']);
const MARKS: Record<string, TextModifier> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', ins: 'underline', s: 'strikethrough', del: 'strikethrough', strike: 'strikethrough', code: 'code', kbd: 'code' };
const BOUNDARIES = new Set(['div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'figure', 'table', 'dl', 'dd', 'dt', 'center', 'address', 'details', 'summary']);
const EMBED_TAGS: Record<string, string> = { iframe: 'src', video: 'src', audio: 'src', embed: 'src', object: 'data', source: 'src' };
const WS_RE = /[ \t\r\n\f\u200B]+/g;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function shortcodeAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))/g)) attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return attrs;
}

/** An embed the converter turns into a link paragraph (and lists in `embeds`). */
const linkHtml = (url: string) => `<iframe src="${escapeAttr(url)}"></iframe>`;

/**
 * Shortcodes → HTML the converter understands. [caption] → <figure>, [embed]
 * and [video]/[audio] → a link, [gallery ids] → figures; any other
 * `[name …]`/`[/name]` tag is removed and its content kept. Brackets that are
 * not shortcode-shaped (e.g. "[1]", Arabic text in brackets) are left alone.
 */
export function expandShortcodes(html: string, options: HtmlBlocksOptions = {}, dropped: string[] = []): string {
  let out = html.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_m, attrText: string, inner: string) => {
    const attrs = shortcodeAttrs(attrText);
    const parts = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    const img = parts ? parts[1] : inner;
    const caption = (parts ? parts[2] : '').trim() || escapeText(attrs.caption ?? '');
    return `<figure>${img}<figcaption>${caption}</figcaption></figure>`;
  });
  out = out.replace(/\[embed([^\]]*)\]([\s\S]*?)\[\/embed\]/gi, (_m, _a, url: string) => linkHtml(url.trim()));
  out = out.replace(/\[(video|audio)\b([^\]]*)\](?:[\s\S]*?\[\/\1\])?/gi, (m, _name, attrText: string) => {
    const attrs = shortcodeAttrs(attrText);
    const url = attrs.src ?? attrs.mp4 ?? attrs.mp3 ?? attrs.m4a ?? attrs.ogg ?? attrs.webm ?? '';
    return url ? linkHtml(url) : '';
  });
  out = out.replace(/\[gallery\b([^\]]*)\]/gi, (_m, attrText: string) => {
    const ids = (shortcodeAttrs(attrText).ids ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const images = options.galleryImages?.(ids) ?? [];
    return images
      .map((g) => `<figure><img src="${escapeAttr(g.src)}" class="wp-image-${escapeAttr(g.id)}" alt="${escapeAttr(g.alt)}"><figcaption>${escapeText(g.caption)}</figcaption></figure>`)
      .join('');
  });
  // Anything else shortcode-shaped: a Latin name right after the bracket.
  return out.replace(/\[\/?([a-z_][\w-]*)(?:\s[^\]]*)?\/?\]/gi, (_m, name: string) => {
    if (!dropped.includes(name.toLowerCase())) dropped.push(name.toLowerCase());
    return '';
  });
}

type ContainerKind = 'paragraph' | 'heading' | 'quote' | 'list-item' | 'code';
interface Container {
  kind: ContainerKind;
  level?: HeadingLevel;
  /** Opened by bare text (classic editor), not by a tag. */
  implicit: boolean;
  inlines: InlineNode[];
}
interface OpenList {
  block: ListBlock;
}
interface Figure {
  image: ImageRef | null;
  caption: string;
  inCaption: number;
}

function resolveUrl(href: string, baseUrl?: string): string | null {
  const raw = href.trim();
  if (!raw) return null;
  try {
    const url = baseUrl ? new URL(raw, baseUrl) : new URL(raw);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const sameMarks = (a: TextNode, b: TextNode) => (['bold', 'italic', 'underline', 'strikethrough', 'code'] as const).every((m) => !!a[m] === !!b[m]);

/** Merges neighbouring text leaves with the same marks and trims the edges of the run. */
function tidyInlines(inlines: InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of inlines) {
    const last = merged[merged.length - 1];
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last, node)) last.text += node.text;
    else if (node.type === 'text' && node.text === '') continue;
    else merged.push(node.type === 'link' ? { ...node, children: tidyInlines(node.children) as TextNode[] } : { ...node });
  }
  // Collapse "a \n b" to "a\nb", then trim the run's edges (spaces and line breaks).
  for (const node of merged) if (node.type === 'text') node.text = node.text.replace(/ *\n */g, '\n');
  const first = merged[0];
  if (first?.type === 'text') first.text = first.text.replace(/^[\s\u200B]+/, '');
  const last = merged[merged.length - 1];
  if (last?.type === 'text') last.text = withoutExitMobile(last.text).replace(/[\s\u200B]+$/, '');
  return merged.filter((n) => n.type !== 'text' || n.text !== '');
}

const plainText = (inlines: InlineNode[]): string => inlines.map((n) => (n.type === 'text' ? n.text : plainText(n.children))).join('');

/** Converts a post's HTML (content:encoded) to blocks. */
export function htmlToBlocks(html: string, options: HtmlBlocksOptions = {}): HtmlBlocksResult {
  const droppedShortcodes: string[] = [];
  const source = expandShortcodes(html, options, droppedShortcodes);
  const blocks: BlockNode[] = [];
  const images: ImageRef[] = [];
  const embeds: string[] = [];

  let container: Container | null = null;
  const lists: OpenList[] = [];
  const marks: TextModifier[] = [];
  let link: LinkNode | null = null;
  let figure: Figure | null = null;
  let skipDepth = 0;
  let preDepth = 0;
  let quoteDepth = 0;
  let embedUrl: string | null = null; // inside a Gutenberg embed block: its URL, the inner HTML is ignored
  let pendingAttachment: string | null = null;
  let cellIndex = 0;
  let mediaNeedsSource = false;

  const emitEmbed = (url: string) => {
    const resolved = resolveUrl(url, options.baseUrl);
    if (!resolved) return;
    closeContainer();
    embeds.push(resolved);
    blocks.push({ type: 'paragraph', children: [{ type: 'link', url: resolved, children: [{ type: 'text', text: resolved }] }] });
  };

  function closeLink() {
    if (!link) return;
    const done = link;
    link = null;
    if (done.children.some((c) => c.text.trim() !== '') && container) container.inlines.push(done);
    else if (container) container.inlines.push(...done.children);
  }

  function closeContainer() {
    if (!container) return;
    closeLink();
    const c = container;
    container = null;
    let inlines = tidyInlines(c.inlines);
    if (!inlines.length) return;
    if (c.kind !== 'code') {
      // The old site's chrome, line by line: "شاركها." then "© …" then "Exit mobile version" in one classic paragraph.
      const lines = plainText(inlines).split('\n');
      if (lines.every(isBoilerplateLine)) return;
      const only = inlines[0];
      if (inlines.length === 1 && only.type === 'text' && lines.some(isBoilerplateLine)) {
        inlines = [{ ...only, text: lines.filter((l) => !isBoilerplateLine(l)).join('\n').trim() }];
      }
    }
    if (c.kind === 'list-item') {
      const list = lists[lists.length - 1];
      if (list) list.block.children.push({ type: 'list-item', children: inlines } as ListItemNode);
      return;
    }
    if (c.kind === 'heading') blocks.push({ type: 'heading', level: c.level ?? 2, children: inlines });
    else if (c.kind === 'quote') blocks.push({ type: 'quote', children: inlines });
    else if (c.kind === 'code') blocks.push({ type: 'code', language: 'plaintext', children: [{ type: 'text', text: plainText(inlines) }] });
    else blocks.push({ type: 'paragraph', children: inlines });
  }

  function open(kind: ContainerKind, implicit = false, level?: HeadingLevel) {
    closeContainer();
    container = { kind, implicit, inlines: [], ...(level ? { level } : {}) };
  }

  /** The container text goes to now, opening an implicit paragraph (or list item) where needed. */
  function target(): Container {
    if (!container) {
      if (lists.length) container = { kind: 'list-item', implicit: true, inlines: [] };
      else if (quoteDepth) container = { kind: 'quote', implicit: true, inlines: [] };
      else container = { kind: 'paragraph', implicit: true, inlines: [] };
    }
    return container;
  }

  function addText(text: string) {
    if (!text) return;
    const leaf: TextNode = { type: 'text', text };
    for (const m of marks) leaf[m] = true;
    if (link) link.children.push(leaf);
    else target().inlines.push(leaf);
  }

  function addImage(ref: ImageRef) {
    if (figure) {
      figure.image ??= ref;
      return;
    }
    if (lists.length || quoteDepth) return; // no place for an image inside a list item or a quote
    closeContainer();
    images.push(ref);
    const block: ImageBlock = {
      type: 'image',
      image: { url: ref.src, alternativeText: ref.alt || null, caption: ref.caption || null, width: 0, height: 0 },
      children: [{ type: 'text', text: '' }],
    };
    blocks.push(block);
  }

  const parser = new Parser(
    {
      oncomment(data) {
        const m = /^\s*(\/)?wp:([\w/-]+)\s*(\{[\s\S]*\})?\s*(\/)?\s*$/.exec(data);
        if (!m) return;
        const [, closing, name, json, selfClosing] = m;
        let attrs: Record<string, unknown> = {};
        try {
          attrs = json ? JSON.parse(json) : {};
        } catch {
          attrs = {};
        }
        const isEmbed = name === 'embed' || name.startsWith('core-embed/') || name.endsWith('/embed');
        if (isEmbed) {
          if (closing) {
            if (embedUrl !== null) emitEmbed(embedUrl);
            embedUrl = null;
          } else if (typeof attrs.url === 'string') {
            if (selfClosing) emitEmbed(attrs.url);
            else embedUrl = attrs.url;
          }
        } else if (name === 'image' && !closing && attrs.id !== undefined) {
          pendingAttachment = String(attrs.id);
        }
      },
      onopentag(name, attribs) {
        if (skipDepth || SKIP.has(name)) return void skipDepth++;
        if (embedUrl !== null) return;
        if (BOUNDARIES.has(name) && container?.implicit) closeContainer();
        if (name === 'p') {
          if (quoteDepth || (container && container.kind === 'list-item')) {
            if (container && plainText(container.inlines).trim()) addText('\n');
          } else open('paragraph');
        } else if (/^h[1-6]$/.test(name)) {
          open('heading', false, Number(name[1]) as HeadingLevel);
        } else if (name === 'blockquote') {
          open('quote');
          quoteDepth++;
        } else if (name === 'pre') {
          open('code');
          preDepth++;
        } else if (name === 'ul' || name === 'ol') {
          const parent = lists[lists.length - 1];
          closeContainer();
          const block: ListBlock = { type: 'list', format: name === 'ol' ? 'ordered' : 'unordered', children: [] };
          if (parent) {
            block.indentLevel = lists.length;
            parent.block.children.push(block);
          }
          lists.push({ block });
        } else if (name === 'li') {
          if (lists.length) open('list-item');
        } else if (name === 'cite' && quoteDepth) {
          addText('\n— ');
        } else if (name === 'br') {
          addText('\n');
        } else if (name === 'hr') {
          closeContainer();
        } else if (name === 'a') {
          closeLink();
          const url = attribs.href ? resolveUrl(attribs.href, options.baseUrl) : null;
          if (url) link = { type: 'link', url, children: [] };
        } else if (MARKS[name] && !preDepth) {
          marks.push(MARKS[name]);
        } else if (name === 'img') {
          const src = resolveUrl(attribs.src ?? attribs['data-src'] ?? '', options.baseUrl);
          const id = /\bwp-image-(\d+)\b/.exec(attribs.class ?? '')?.[1] ?? pendingAttachment;
          pendingAttachment = null;
          if (src) addImage({ src, attachmentId: id ?? null, alt: (attribs.alt ?? '').trim(), caption: '' });
        } else if (name === 'figure') {
          closeContainer();
          figure = { image: null, caption: '', inCaption: 0 };
        } else if (name === 'figcaption') {
          if (figure) figure.inCaption++;
        } else if (EMBED_TAGS[name]) {
          const url = attribs[EMBED_TAGS[name]];
          // <video><source src> gives its URL through the first <source> only when the element has none itself.
          if (name === 'video' || name === 'audio') mediaNeedsSource = !url;
          if (url && (name !== 'source' || mediaNeedsSource)) emitEmbed(url);
          if (name === 'source') mediaNeedsSource = false;
        } else if (name === 'tr') {
          open('paragraph');
          cellIndex = 0;
        } else if (name === 'td' || name === 'th') {
          if (cellIndex++ > 0) addText(' | ');
        }
      },
      ontext(raw) {
        if (skipDepth || embedUrl !== null) return;
        if (figure?.inCaption) {
          figure.caption += raw;
          return;
        }
        if (preDepth) return addText(raw);
        if (container && !container.implicit) return addText(raw.replace(WS_RE, ' '));
        // Classic editor: bare text, blank lines separate paragraphs, a single newline is a line break.
        const parts = raw.split(/\n[ \t\r\u00A0]*\n\s*/);
        parts.forEach((part, i) => {
          if (i > 0 && !lists.length && !quoteDepth) closeContainer();
          const text = part.replace(/[ \t\r\f]+/g, ' ').replace(/ ?\n ?/g, '\n');
          if (!container && text.trim() === '') return;
          addText(text);
        });
      },
      onclosetag(name) {
        if (skipDepth) return void skipDepth--;
        if (embedUrl !== null) return;
        if (name === 'p' || /^h[1-6]$/.test(name) || name === 'tr') {
          if (container && container.kind !== 'list-item' && !quoteDepth) closeContainer();
        } else if (name === 'blockquote') {
          quoteDepth = Math.max(0, quoteDepth - 1);
          if (!quoteDepth) closeContainer();
        } else if (name === 'pre') {
          preDepth = Math.max(0, preDepth - 1);
          closeContainer();
        } else if (name === 'li') {
          if (container?.kind === 'list-item') closeContainer();
        } else if (name === 'ul' || name === 'ol') {
          if (container?.kind === 'list-item') closeContainer();
          const done = lists.pop();
          if (done && !lists.length && done.block.children.length) blocks.push(done.block);
        } else if (name === 'a') {
          closeLink();
        } else if (MARKS[name] && !preDepth) {
          const i = marks.lastIndexOf(MARKS[name]);
          if (i >= 0) marks.splice(i, 1);
        } else if (name === 'figcaption') {
          if (figure) figure.inCaption = Math.max(0, figure.inCaption - 1);
        } else if (name === 'figure' && figure) {
          const f = figure;
          figure = null;
          if (f.image) addImage({ ...f.image, caption: f.caption.replace(WS_RE, ' ').trim() });
        } else if (BOUNDARIES.has(name) && container?.implicit) {
          closeContainer();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(source);
  parser.end();
  if (embedUrl !== null) emitEmbed(embedUrl);
  closeContainer();
  while (lists.length) {
    const done = lists.pop()!;
    if (!lists.length && done.block.children.length) blocks.push(done.block);
  }
  return { blocks, images, embeds, droppedShortcodes };
}
