/**
 * Reader search syntax (PostgreSQL's websearch_to_tsquery flavour) parsed once
 * in JS, so both engines get the same meaning:
 *   words            all must match
 *   "quoted words"   a phrase, in that order
 *   -word, -"a b"    must not match
 *   a or b           either side (lower-case or upper-case OR)
 * The text is normalised like the index (normalizeArabic, ة kept apart for
 * the stemmer), and every word carries its keys (arabic-stem.ts): its folded
 * surface form, its stem and its stem without a proclitic.
 */
import { ALT_MARK, analyzeNormalised, normalizeForKeys, STEM_MARK, type WordKeys } from './arabic-stem';

export const MAX_QUERY_LENGTH = 200;

export interface SearchTerm {
  /** Normalised words (surface forms); more than one = a phrase. */
  words: string[];
  /** The words' keys, in the same order. */
  keys: WordKeys[];
  negated: boolean;
}

/** OR of groups; every group is an AND of terms with at least one positive term. */
export type ParsedQuery = SearchTerm[][];

export class SearchQueryError extends Error {}


export function parseSearchQuery(raw: unknown): ParsedQuery {
  if (typeof raw !== 'string' || raw.trim() === '') throw new SearchQueryError('must not be empty');
  if (raw.length > MAX_QUERY_LENGTH) throw new SearchQueryError(`must be at most ${MAX_QUERY_LENGTH} characters`);

  const text = normalizeForKeys(raw);
  const groups: ParsedQuery = [[]];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    let negated = false;
    if (text[i] === '-' && i + 1 < text.length && text[i + 1] !== ' ') {
      negated = true;
      i++;
    }
    let chunk: string;
    let quoted = false;
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      chunk = text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end + 1;
      quoted = true;
    } else {
      let end = i;
      while (end < text.length && text[end] !== ' ' && text[end] !== '"') end++;
      chunk = text.slice(i, end);
      i = end;
    }
    if (!quoted && !negated && chunk === 'or') {
      if (groups[groups.length - 1].length) groups.push([]);
      continue;
    }
    const keys = analyzeNormalised(chunk);
    if (keys.length) groups[groups.length - 1].push({ words: keys.map((k) => k.surface), keys, negated });
  }
  const usable = groups.filter((g) => g.some((t) => !t.negated));
  if (!usable.length) throw new SearchQueryError('must contain at least one word to look for (not only -exclusions)');
  return usable;
}

/** Positive words, for highlighting. */
export function positiveWords(query: ParsedQuery): string[] {
  return [...new Set(query.flat().filter((t) => !t.negated).flatMap((t) => t.words))];
}

/** Positive words with their keys, for highlighting stem matches. */
export function positiveKeys(query: ParsedQuery): WordKeys[] {
  const seen = new Set<string>();
  return query.flat().filter((t) => !t.negated).flatMap((t) => t.keys).filter((k) => !seen.has(k.surface) && !!seen.add(k.surface));
}

/** The query without its -exclusions (every group keeps its positive terms): what ranking weighs. */
export function withoutExclusions(query: ParsedQuery): ParsedQuery {
  return query.map((group) => group.filter((t) => !t.negated));
}

export const hasExclusions = (query: ParsedQuery): boolean => query.some((group) => group.some((t) => t.negated));

/** Every key of a word, once. */
const keysOf = (k: WordKeys): string[] => [...new Set([k.surface, k.stem, k.alt])];

/**
 * PostgreSQL tsquery text for the vectors `toTsvector` (arabic-stem-index.ts) builds:
 * a word matches any of its keys as a lexeme of whichever kind; a phrase is the surface
 * forms in order or the stems in order.
 */
export function toTsquery(query: ParsedQuery): string {
  const lexeme = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const term = (t: SearchTerm) => {
    if (t.keys.length === 1) {
      return `(${keysOf(t.keys[0]).flatMap((k) => [lexeme(k), lexeme(STEM_MARK + k), lexeme(ALT_MARK + k)]).join(' | ')})`;
    }
    const surfaces = t.keys.map((k) => lexeme(k.surface)).join(' <-> ');
    const stems = t.keys.map((k) => lexeme(STEM_MARK + k.stem)).join(' <-> ');
    return `((${surfaces}) | (${stems}))`;
  };
  return query.map((g) => `(${g.map((t) => (t.negated ? '!' : '') + term(t)).join(' & ')})`).join(' | ');
}

/**
 * SQLite FTS5 MATCH expression for the table of arabic-stem-index.ts: a word
 * is any of its keys in any column; a phrase is the surface forms in the
 * surface columns or the stems in the stem columns. Every string is quoted,
 * so no word is ever read as an operator.
 */
export function toFts5Match(query: ParsedQuery): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const term = (t: SearchTerm) =>
    t.keys.length === 1
      ? `(${keysOf(t.keys[0]).map(quote).join(' OR ')})`
      : `({title excerpt body} : ${quote(t.words.join(' '))} OR {title_k excerpt_k body_k} : ${quote(t.keys.map((k) => k.stem).join(' '))})`;
  return query
    .map((g) => {
      const must = g.filter((t) => !t.negated).map(term).join(' AND ');
      return g.filter((t) => t.negated).reduce((expr, t) => `(${expr}) NOT ${term(t)}`, `(${must})`);
    })
    .join(' OR ');
}
