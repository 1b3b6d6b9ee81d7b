/**
 * Reader search syntax (PostgreSQL's websearch_to_tsquery flavour) parsed once
 * in JS, so both engines get the same meaning:
 *   words            all must match
 *   "quoted words"   a phrase, in that order
 *   -word, -"a b"    must not match
 *   a or b           either side (lower-case or upper-case OR)
 * The text is normalised with `normalizeArabic` first, so every spelling
 * variant the index folds is folded in the query too.
 */
import { normalizeArabic } from './arabic-normalize';

export const MAX_QUERY_LENGTH = 200;

export interface SearchTerm {
  /** Normalised words; more than one = a phrase. */
  words: string[];
  negated: boolean;
}

/** OR of groups; every group is an AND of terms with at least one positive term. */
export type ParsedQuery = SearchTerm[][];

export class SearchQueryError extends Error {}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string): string[] => text.match(WORD_RE) ?? [];

export function parseSearchQuery(raw: unknown): ParsedQuery {
  if (typeof raw !== 'string' || raw.trim() === '') throw new SearchQueryError('must not be empty');
  if (raw.length > MAX_QUERY_LENGTH) throw new SearchQueryError(`must be at most ${MAX_QUERY_LENGTH} characters`);

  const text = normalizeArabic(raw);
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
    const words = wordsOf(chunk);
    if (words.length) groups[groups.length - 1].push({ words, negated });
  }
  const usable = groups.filter((g) => g.some((t) => !t.negated));
  if (!usable.length) throw new SearchQueryError('must contain at least one word to look for (not only -exclusions)');
  return usable;
}

/** Positive words, for highlighting. */
export function positiveWords(query: ParsedQuery): string[] {
  return [...new Set(query.flat().filter((t) => !t.negated).flatMap((t) => t.words))];
}

/** The query without its -exclusions (every group keeps its positive terms): what ranking weighs. */
export function withoutExclusions(query: ParsedQuery): ParsedQuery {
  return query.map((group) => group.filter((t) => !t.negated));
}

export const hasExclusions = (query: ParsedQuery): boolean => query.some((group) => group.some((t) => t.negated));

const quoteTerm = (t: SearchTerm) => (t.words.length > 1 ? `"${t.words.join(' ')}"` : t.words[0]);

/** Canonical text for PostgreSQL's websearch_to_tsquery (words contain only letters and digits). */
export function toWebsearch(query: ParsedQuery): string {
  return query.map((g) => g.map((t) => (t.negated ? '-' : '') + quoteTerm(t)).join(' ')).join(' or ');
}

/** SQLite FTS5 MATCH expression: every term quoted, so no word is ever read as an operator. */
export function toFts5Match(query: ParsedQuery): string {
  const phrase = (t: SearchTerm) => `"${t.words.join(' ').replace(/"/g, '""')}"`;
  return query
    .map((g) => {
      const must = g.filter((t) => !t.negated).map(phrase).join(' AND ');
      return g.filter((t) => t.negated).reduce((expr, t) => `(${expr}) NOT ${phrase(t)}`, `(${must})`);
    })
    .join(' OR ');
}
