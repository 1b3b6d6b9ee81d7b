/**
 * Agency wire copy (KUNA, WAM, SPA, Reuters/AFP Arabic…) in the two IPTC
 * formats agencies deliver: ninjs (JSON, 1.x and 2.x field names) and
 * NewsML-G2 (XML newsItem, alone or inside a newsMessage). Both are read into
 * one neutral `WireItem`; the ingest service turns it into a draft.
 *
 * Pure: no Strapi, no I/O.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { BlockNode } from '../blocks-types';
import { htmlToBlocks } from '../wordpress/html-blocks';
import { clip, htmlText } from '../wordpress/map';

export type WireStatus = 'usable' | 'withdrawn' | 'canceled';

export interface WireItem {
  /** The agency's own id: ninjs `uri`, NewsML-G2 `guid`. */
  id: string;
  /** Higher is newer; 1 when the item states none. */
  version: number;
  status: WireStatus;
  language: string;
  headline: string;
  summary: string;
  body: BlockNode[];
  dateline: string;
  byline: string;
  /** Agency / provider name as the item gives it (may be empty: the source's configured name is used). */
  provider: string;
  rights: { holder: string; notice: string; usageTerms: string };
  firstCreated: string | null;
  versionCreated: string | null;
}

export class WireFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireFormatError';
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const isoOrNull = (v: unknown): string | null => {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

/** `usable`, `withdrawn`, `canceled` (also `stat:withdrawn`, IPTC's qcode form, and `cancelled`). */
export function wireStatus(value: unknown): WireStatus {
  const s = str(value).toLowerCase().replace(/^stat:/, '');
  if (s === 'withdrawn' || s === 'withheld') return 'withdrawn';
  if (s === 'canceled' || s === 'cancelled') return 'canceled';
  return 'usable';
}

const versionOf = (v: unknown): number => {
  const n = Number.parseInt(str(v), 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
};

/** Plain agency text (paragraphs separated by blank lines or single newlines) → blocks. */
function textBlocks(text: string): BlockNode[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n(?=\s*\S)/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text: p }] }));
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One ninjs 1.x or 2.x object → WireItem. */
export function fromNinjs(raw: unknown): WireItem {
  if (!isObject(raw)) throw new WireFormatError('a ninjs item must be a JSON object');
  const id = str(raw.uri) || str(raw.guid) || str(raw.id);
  if (!id) throw new WireFormatError('a ninjs item needs a "uri"');
  // 2.x: headlines / bodies / descriptions / bylines are arrays of { role, value }; 1.x: headline, body_html…
  const pick = (list: unknown, preferred: string[]) => {
    if (!Array.isArray(list)) return undefined;
    const entries = list.filter(isObject);
    return entries.find((e) => preferred.includes(str(e.role))) ?? entries.find((e) => !str(e.role)) ?? entries[0];
  };
  const headline = str(pick(raw.headlines, ['main', 'default'])?.value) || str(raw.headline);
  const summary = str(pick(raw.descriptions, ['summary', 'default'])?.value) || str(raw.description_text) || htmlText(str(raw.description_html));
  let body: BlockNode[] = [];
  const bodies = Array.isArray(raw.bodies) ? raw.bodies.filter(isObject) : [];
  const html = bodies.find((b) => /html/.test(str(b.contenttype) || str(b.contentType))) ?? null;
  const text = bodies.find((b) => !/html/.test(str(b.contenttype) || str(b.contentType))) ?? null;
  if (html) body = htmlToBlocks(str(html.value)).blocks;
  else if (str(raw.body_html)) body = htmlToBlocks(str(raw.body_html)).blocks;
  else if (text) body = textBlocks(str(text.value));
  else if (str(raw.body_text)) body = textBlocks(str(raw.body_text));
  const bylines = Array.isArray(raw.bylines) ? raw.bylines.filter(isObject).map((b) => str(b.byline) || str(b.name)).filter(Boolean) : [];
  const located = raw.located;
  const places = Array.isArray(raw.places) ? raw.places.filter(isObject) : [];
  const dateline = str(located) || (isObject(located) ? str(located.name) : '') || str(places[0]?.name);
  const provider = isObject(raw.provider) ? str(raw.provider.name) : str(raw.provider);
  const rights = isObject(raw.rightsinfo) ? raw.rightsinfo : raw;
  return {
    id,
    version: versionOf(raw.version),
    status: wireStatus(raw.pubstatus),
    language: str(raw.language),
    headline,
    summary,
    body,
    dateline,
    byline: bylines.join('، ') || str(raw.byline),
    provider,
    rights: { holder: str(rights.copyrightholder), notice: str(rights.copyrightnotice), usageTerms: str(rights.usageterms) },
    firstCreated: isoOrNull(raw.firstcreated),
    versionCreated: isoOrNull(raw.versioncreated),
  };
}

/** A ninjs document: one item, an array of items, or an object with `items` / `associations` left aside. */
export function parseNinjs(text: string): WireItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new WireFormatError(`not JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(raw) ? raw : isObject(raw) && Array.isArray(raw.items) ? raw.items : [raw];
  return list.map(fromNinjs);
}

const G2 = 'http://iptc.org/std/nar/2006-10-01/';

/**
 * NewsML-G2: every `<newsItem>` of the document (a bare newsItem or a
 * newsMessage of several). The body is the first inlineXML (NITF or XHTML:
 * its `<p>`, headings and lists) or inlineData (plain text).
 */
export function parseNewsMl(xml: string): WireItem[] {
  const parser = new SaxesParser({ xmlns: true });
  const items: WireItem[] = [];
  const stack: string[] = [];
  let current: (WireItem & { bodyHtml: string; bodyText: string; hasBody: boolean }) | null = null;
  let text = '';
  let inBody = 0; // depth inside inlineXML
  let inData = false;
  let bodyDone = false;
  let failure: Error | null = null;
  parser.on('error', (e) => void (failure ??= e));
  const attr = (tag: SaxesTagNS, name: string) => String(tag.attributes[name]?.value ?? '');
  const xmlLang = (tag: SaxesTagNS) => String(Object.values(tag.attributes).find((a) => a.local === 'lang' && a.prefix === 'xml')?.value ?? '');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

  parser.on('opentag', (t) => {
    const tag = t as SaxesTagNS;
    const local = tag.uri === G2 || !tag.uri ? tag.local : `{${tag.uri}}${tag.local}`;
    if (inBody) {
      inBody++;
      // NITF and XHTML share p, h1–h6, ul/ol/li, blockquote, a, b/i/em/strong; other elements pass their text through.
      current!.bodyHtml += `<${tag.local}${tag.local === 'a' && attr(tag, 'href') ? ` href="${escape(attr(tag, 'href')).replace(/"/g, '&quot;')}"` : ''}>`;
      return;
    }
    stack.push(local);
    text = '';
    if (local === 'newsItem') {
      current = {
        id: attr(tag, 'guid'), version: versionOf(attr(tag, 'version')), status: 'usable', language: xmlLang(tag), headline: '', summary: '',
        body: [], dateline: '', byline: '', provider: '', rights: { holder: '', notice: '', usageTerms: '' }, firstCreated: null,
        versionCreated: null, bodyHtml: '', bodyText: '', hasBody: false,
      };
      bodyDone = false;
      return;
    }
    if (!current) return;
    if (local === 'pubStatus') current.status = wireStatus(attr(tag, 'qcode'));
    else if (local === 'provider') current.provider ||= attr(tag, 'literal');
    else if (local === 'copyrightHolder') current.rights.holder ||= attr(tag, 'literal');
    else if (local === 'language' && stack.includes('contentMeta')) current.language ||= attr(tag, 'tag');
    else if (local === 'inlineXML' && !bodyDone) {
      inBody = 1;
      current.hasBody = true;
    } else if (local === 'inlineData' && !bodyDone) {
      inData = true;
      current.hasBody = true;
    }
  });
  const onText = (t: string) => {
    if (inBody && current) current.bodyHtml += escape(t);
    else if (inData && current) current.bodyText += t;
    else text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (t) => {
    if (inBody) {
      inBody--;
      if (inBody) current!.bodyHtml += `</${(t as SaxesTagNS).local}>`;
      else bodyDone = true;
      if (inBody) return;
      stack.pop();
      return;
    }
    const local = stack.pop();
    const value = text.replace(/\s+/g, ' ').trim();
    text = '';
    if (!current) return;
    const parent = stack[stack.length - 1];
    if (local === 'inlineData') {
      inData = false;
      bodyDone = true;
    } else if (local === 'newsItem') {
      const { bodyHtml, bodyText, hasBody, ...item } = current;
      item.body = bodyHtml ? htmlToBlocks(bodyHtml).blocks : hasBody ? textBlocks(bodyText) : [];
      items.push(item);
      current = null;
    } else if (local === 'headline' && parent === 'contentMeta') current.headline ||= value;
    else if (local === 'description' && parent === 'contentMeta') current.summary ||= value;
    else if (local === 'dateline' && parent === 'contentMeta') current.dateline ||= value;
    else if (local === 'by' && parent === 'contentMeta') current.byline ||= value;
    else if (local === 'name' && parent === 'located' && !current.dateline) current.dateline = value;
    else if (local === 'name' && parent === 'provider') current.provider ||= value;
    else if (local === 'name' && parent === 'copyrightHolder') current.rights.holder ||= value;
    else if (local === 'copyrightNotice') current.rights.notice ||= value;
    else if (local === 'usageTerms') current.rights.usageTerms ||= value;
    else if (local === 'firstCreated') current.firstCreated ??= isoOrNull(value);
    else if (local === 'versionCreated') current.versionCreated ??= isoOrNull(value);
  });
  parser.write(xml).close();
  if (failure) throw new WireFormatError(`not well-formed XML: ${(failure as Error).message}`);
  for (const item of items) if (!item.id) throw new WireFormatError('a newsItem needs a guid');
  if (!items.length) throw new WireFormatError('no <newsItem> in the document');
  return items;
}

export const ARTICLE_LIMITS = { title: 250, excerpt: 600, dateline: 100, source: 100 };

/** The draft's fields (title clipped to 250, excerpt 600, dateline/source 100), the rights as one text. */
export function wireDraft(item: WireItem, agency: string) {
  const rights = [item.rights.holder && `© ${item.rights.holder}`, item.rights.notice, item.rights.usageTerms].filter(Boolean).join(' — ');
  return {
    title: clip(item.headline || item.summary || item.id, ARTICLE_LIMITS.title),
    excerpt: item.summary ? clip(item.summary, ARTICLE_LIMITS.excerpt) : null,
    body: item.body,
    dateline: item.dateline ? clip(item.dateline, ARTICLE_LIMITS.dateline) : null,
    source: clip(agency || item.provider, ARTICLE_LIMITS.source),
    wireId: item.id,
    wireVersion: item.version,
    wireStatus: item.status,
    wireRights: rights || null,
  };
}

export interface WireSource {
  name: string;
  format: 'ninjs' | 'newsml';
  /** A folder path, or an http(s) URL to poll. */
  location: string;
  intervalSeconds: number;
}

/** WIRE_SOURCES: a JSON array of { name, format, location, interval }; problems are returned, not thrown. */
export function parseWireSources(value: string): { sources: WireSource[]; problems: string[] } {
  const problems: string[] = [];
  if (!value.trim()) return { sources: [], problems };
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return { sources: [], problems: ['WIRE_SOURCES is not JSON'] };
  }
  if (!Array.isArray(raw)) return { sources: [], problems: ['WIRE_SOURCES must be a JSON array'] };
  const sources: WireSource[] = [];
  raw.forEach((s, i) => {
    if (!isObject(s)) return void problems.push(`WIRE_SOURCES[${i}] is not an object`);
    const name = str(s.name);
    const format = str(s.format).toLowerCase();
    const location = str(s.location);
    const interval = s.interval === undefined ? 60 : Number(s.interval);
    if (!name) problems.push(`WIRE_SOURCES[${i}].name is missing`);
    else if (format !== 'ninjs' && format !== 'newsml') problems.push(`WIRE_SOURCES[${i}].format must be "ninjs" or "newsml"`);
    else if (!location) problems.push(`WIRE_SOURCES[${i}].location is missing`);
    else if (!Number.isFinite(interval) || interval < 10) problems.push(`WIRE_SOURCES[${i}].interval must be at least 10 seconds`);
    else sources.push({ name, format, location, intervalSeconds: interval });
  });
  return { sources, problems };
}
