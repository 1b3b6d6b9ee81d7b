/**
 * Search-result snippets with the matched words in <mark>, cut from the
 * ORIGINAL text (readers see hamza, tashkeel and ة as written, not the folded
 * index text). A word matches when its normalised form equals a query word,
 * or does once a leading conjunction/preposition/article (و ف ب ك ل ال…) is
 * removed from both, or when their stem keys meet as the index's do (arabic-stem.ts).
 * Everything else is HTML-escaped, so <mark> is the only markup.
 */
import { normalizeArabic } from './arabic-normalize';
import { keysMatch, wordKeys, type WordKeys } from './arabic-stem';

export interface SnippetSource {
  title?: string | null;
  excerpt?: string | null;
  body?: string | null;
}

export interface SnippetOptions {
  /** Words in the snippet window. */
  words?: number;
  /** Words of context shown before the first match. */
  lead?: number;
}

const TOKEN_RE = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+/gu;
const PROCLITICS = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The word without one leading proclitic, when at least three letters remain. */
export function searchKey(normalised: string): string {
  for (const p of PROCLITICS) {
    if (normalised.startsWith(p) && normalised.length - p.length >= 3) return normalised.slice(p.length);
  }
  return normalised;
}

interface Token {
  start: number;
  end: number;
}

const tokenize = (text: string): Token[] => Array.from(text.matchAll(TOKEN_RE), (m) => ({ start: m.index!, end: m.index! + m[0].length }));

interface QueryKeys {
  /** Strings one of which a hit's normalised form contains. */
  keys: Set<string>;
  words: WordKeys[];
}

const isHit = (word: string, q: QueryKeys): boolean => {
  const n = normalizeArabic(word);
  if (q.keys.has(n) || q.keys.has(searchKey(n))) return true;
  const k = wordKeys(word);
  return q.words.some((w) => keysMatch(w, k));
};

/**
 * A hit's normalised form contains a key (a stem is a prefix-and-suffix-less
 * part of its word; a stem that is not, Snowball's rare rewrites, is not
 * highlighted), and normalising a word gives a
 * substring of the normalised text around it: a field without any key as a
 * substring has no hit, so its words need not be normalised one by one.
 */
const mayContain = (text: string, q: QueryKeys): boolean => {
  const n = normalizeArabic(text);
  for (const key of q.keys) if (n.includes(key)) return true;
  return false;
};

/**
 * HTML snippet for a result: from the body around the first match, else the
 * excerpt, else the title; with no match anywhere (stemming found the
 * document through a form we do not recognise), the start of the excerpt or body.
 * Only the words up to the first match and inside the window are normalised.
 */
export function buildSnippet(source: SnippetSource, queryWords: Array<string | WordKeys>, options: SnippetOptions = {}): string {
  const size = options.words ?? 30;
  const lead = options.lead ?? 8;
  const words = queryWords.map((w) => (typeof w === 'string' ? wordKeys(w) : w));
  const keys: QueryKeys = { keys: new Set(words.flatMap((w) => [w.surface, searchKey(w.surface), w.stem, w.alt])), words };
  const fields = [source.body, source.excerpt, source.title].map((f) => (f ?? '').replace(/\s{2,}|[^\S ]/g, ' ').trim());

  let text = '';
  let tokens: Token[] = [];
  let first = -1;
  for (const f of fields) {
    if (!f || !mayContain(f, keys)) continue;
    const t = tokenize(f);
    const i = t.findIndex((tok) => isHit(f.slice(tok.start, tok.end), keys));
    if (i >= 0) {
      [text, tokens, first] = [f, t, i];
      break;
    }
  }
  if (first < 0) {
    text = fields[1] || fields[0] || fields[2];
    tokens = tokenize(text);
  }
  if (!tokens.length) return escapeHtml(text);

  const from = Math.max(0, Math.min(first - lead, tokens.length - size));
  const to = Math.min(tokens.length, from + size);
  const begin = from === 0 ? 0 : tokens[from].start;
  const finish = to === tokens.length ? text.length : tokens[to - 1].end;

  let out = from > 0 ? '…' : '';
  let pos = begin;
  // Words before the first match are not matches; later ones are checked here.
  for (let i = Math.max(from, first); first >= 0 && i < to; i++) {
    const t = tokens[i];
    if (i !== first && !isHit(text.slice(t.start, t.end), keys)) continue;
    out += escapeHtml(text.slice(pos, t.start)) + '<mark>' + escapeHtml(text.slice(t.start, t.end)) + '</mark>';
    pos = t.end;
  }
  out += escapeHtml(text.slice(pos, finish));
  return to < tokens.length ? out + '…' : out;
}
