/**
 * Strapi "blocks" rich text → safe HTML, for feeds (content:encoded, Atom
 * content, JSON Feed content_html, ninjs bodies) and the editorial preview.
 *
 * Safety in depth: every text and attribute is escaped as it is written, links
 * keep only http/https/mailto targets, images only http/https sources, and the
 * result is then passed through sanitize-html with a tight allow-list, so a
 * renderer bug still cannot emit a script, an event handler or a javascript: URL.
 * Characters XML 1.0 forbids are removed so the HTML can be embedded in XML.
 */
import sanitizeHtml from 'sanitize-html';
import { isRtlLocale } from './text-direction';
import type {
  BlockNode,
  BlocksContent,
  InlineNode,
  ListBlock,
  ListItemNode,
  TextModifier,
  TextNode,
} from './blocks-types';
import { stripXmlIllegal } from './xml-text';

export interface RenderOptions {
  /** Locale of the content; RTL locales (ar…) wrap the output in `<div dir="rtl" lang="…">`. */
  locale?: string;
  /** Absolute base for site-relative link/image URLs (`/uploads/x.jpg`); without it they stay relative. */
  baseUrl?: string;
}


const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** First strong directional character: Arabic-script (RTL) or Latin (LTR); null when none. */
const FIRST_STRONG = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[A-Za-z\u00C0-\u024F]/;
const ARABIC_SCRIPT = /[\u0600-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
function startsArabic(text: string): boolean {
  const m = FIRST_STRONG.exec(text);
  return m !== null && ARABIC_SCRIPT.test(m[0]);
}

/** A URL allowed in output, resolved against `baseUrl` when site-relative; null when refused. */
export function safeUrl(raw: unknown, schemes: readonly string[], baseUrl?: string): string | null {
  if (typeof raw !== 'string') return null;
  // Browsers ignore tabs/newlines/controls inside schemes ("java\tscript:"), so judge the URL without them.
  const value = raw.replace(/[\u0000-\u0020\u007F]/g, '');
  if (value === '') return null;
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) {
    if (!baseUrl) return value;
    try {
      return new URL(value, baseUrl).href;
    } catch {
      return null;
    }
  }
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;
const IMAGE_SCHEMES = ['http:', 'https:'] as const;

const MARK_TAGS: Array<[TextModifier, string]> = [
  ['code', 'code'],
  ['strikethrough', 's'],
  ['underline', 'u'],
  ['italic', 'em'],
  ['bold', 'strong'],
];

function renderText(node: TextNode): string {
  let html = escapeHtml(String(node.text ?? '')).replace(/\n/g, '<br>');
  for (const [mark, tag] of MARK_TAGS) if (node[mark] === true) html = `<${tag}>${html}</${tag}>`;
  return html;
}

const plainText = (nodes: Array<InlineNode | ListItemNode | ListBlock>): string =>
  nodes.map((n) => (n.type === 'text' ? n.text : plainText((n as { children?: any[] }).children ?? []))).join('');

function renderInline(nodes: InlineNode[] | undefined, ctx: Ctx): string {
  return (nodes ?? [])
    .map((node) => {
      if (node?.type === 'text') return renderText(node);
      if (node?.type === 'link') {
        const inner = renderInline(node.children, ctx);
        const href = safeUrl(node.url, LINK_SCHEMES, ctx.baseUrl);
        return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
      }
      return '';
    })
    .join('');
}

interface Ctx {
  baseUrl?: string;
  /** Block-level Arabic inside a left-to-right document gets its own dir/lang. */
  markArabic: boolean;
}

/** ` dir="rtl" lang="ar"` for an Arabic block inside an LTR document. */
function dirAttrs(children: Array<InlineNode | ListItemNode | ListBlock>, ctx: Ctx): string {
  return ctx.markArabic && startsArabic(plainText(children)) ? ' dir="rtl" lang="ar"' : '';
}

function renderList(list: ListBlock, ctx: Ctx): string {
  const tag = list.format === 'ordered' ? 'ol' : 'ul';
  const items: string[] = [];
  for (const child of list.children ?? []) {
    if (child?.type === 'list') {
      // A nested list belongs inside the preceding item (valid HTML); alone, it gets an item of its own.
      const nested = renderList(child, ctx);
      if (items.length) items[items.length - 1] = items[items.length - 1].replace(/<\/li>$/, `${nested}</li>`);
      else items.push(`<li>${nested}</li>`);
    } else if (child?.type === 'list-item') {
      items.push(`<li${dirAttrs(child.children ?? [], ctx)}>${renderInline(child.children, ctx)}</li>`);
    }
  }
  return `<${tag}${dirAttrs(list.children ?? [], ctx)}>${items.join('')}</${tag}>`;
}

function renderImage(block: Extract<BlockNode, { type: 'image' }>, ctx: Ctx): string {
  const image = block.image;
  const src = safeUrl(image?.url, IMAGE_SCHEMES, ctx.baseUrl);
  if (!src) return '';
  const size = (n: unknown, attr: string) => (Number.isInteger(n) && (n as number) > 0 ? ` ${attr}="${n}"` : '');
  const alt = escapeHtml(String(image.alternativeText ?? ''));
  const caption = image.caption ? `<figcaption>${escapeHtml(String(image.caption))}</figcaption>` : '';
  return `<figure><img src="${escapeHtml(src)}" alt="${alt}"${size(image.width, 'width')}${size(image.height, 'height')}>${caption}</figure>`;
}

function renderBlock(block: BlockNode, ctx: Ctx): string {
  switch (block?.type) {
    case 'paragraph':
      return `<p${dirAttrs(block.children ?? [], ctx)}>${renderInline(block.children, ctx)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Math.trunc(Number(block.level)) || 2));
      return `<h${level}${dirAttrs(block.children ?? [], ctx)}>${renderInline(block.children, ctx)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote${dirAttrs(block.children ?? [], ctx)}>${renderInline(block.children, ctx)}</blockquote>`;
    case 'list':
      return renderList(block, ctx);
    case 'code': {
      const language = typeof block.language === 'string' ? block.language.replace(/[^a-z0-9+#-]/gi, '') : '';
      const cls = language && language !== 'plaintext' ? ` class="language-${language}"` : '';
      const text = (block.children ?? []).map((c) => escapeHtml(String(c?.text ?? ''))).join('');
      return `<pre dir="ltr"><code${cls}>${text}</code></pre>`;
    }
    case 'image':
      return renderImage(block, ctx);
    default:
      return ''; // unknown node types from a newer editor are dropped, not guessed at
  }
}

const DIR_LANG = ['dir', 'lang'];
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'div', 'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code',
    'strong', 'em', 'u', 's', 'a', 'figure', 'img', 'figcaption',
  ],
  allowedAttributes: {
    div: DIR_LANG, p: DIR_LANG, h1: DIR_LANG, h2: DIR_LANG, h3: DIR_LANG, h4: DIR_LANG, h5: DIR_LANG, h6: DIR_LANG,
    blockquote: DIR_LANG, ul: DIR_LANG, ol: DIR_LANG, li: DIR_LANG, pre: ['dir'],
    a: ['href'],
    img: ['src', 'alt', 'width', 'height'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[a-z0-9+#-]+$/i] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  selfClosing: ['br', 'img'],
};

/** Renders blocks to sanitized HTML; Arabic (RTL) content is wrapped in `<div dir="rtl" lang="ar">`. */
export function renderBlocksToHtml(blocks: BlocksContent | null | undefined, options: RenderOptions = {}): string {
  if (!Array.isArray(blocks) || blocks.length === 0) return '';
  const locale = options.locale ?? 'ar';
  const rtl = isRtlLocale(locale);
  const ctx: Ctx = { baseUrl: options.baseUrl, markArabic: !rtl };
  const inner = blocks.map((block) => renderBlock(block, ctx)).join('');
  if (inner === '') return '';
  const lang = escapeHtml(locale);
  const html = `<div dir="${rtl ? 'rtl' : 'ltr'}" lang="${lang}">${inner}</div>`;
  return stripXmlIllegal(sanitizeHtml(stripXmlIllegal(html), SANITIZE));
}
