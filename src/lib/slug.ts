/**
 * URL slugs in the document's own script: Arabic titles give Arabic slugs,
 * Latin titles give ASCII slugs. Unlike search normalisation, slugs keep the
 * spelling (hamza forms, ة, ى are NOT folded); only invisible or decorative
 * characters (tashkeel, tatweel, bidi/zero-width controls) are removed.
 */
import { INVISIBLES_RE, lowerLatin, toAsciiDigits } from './arabic-normalize';

export const SLUG_MAX_LENGTH = 120;

/**
 * Characters allowed in a slug, as `\uXXXX` escapes so the source is plain
 * ASCII and works in `new RegExp(source)` WITHOUT the `u` flag (that is how
 * Strapi compiles a UID attribute's `regex` option).
 * Arabic letters: U+0621–063A, U+0641–064A, U+0671–06D3 (Persian/Urdu letters
 * included), U+06D5, U+06FA–06FC.
 */
const SLUG_CHARS =
  'a-z0-9\\u0621-\\u063A\\u0641-\\u064A\\u0671-\\u06D3\\u06D5\\u06FA-\\u06FC';

/** Valid slug: words of allowed characters joined by single '-'; no leading/trailing '-'. */
export const SLUG_REGEX_SOURCE = `^[${SLUG_CHARS}]+(?:-[${SLUG_CHARS}]+)*$`;

const SLUG_RE = new RegExp(SLUG_REGEX_SOURCE); // no flags, exactly like Strapi
const SEPARATOR_RUN_RE = new RegExp(`[^${SLUG_CHARS}]+`, 'g');
const EDGE_DASHES_RE = /^-+|-+$/g;
const LATIN_LETTER_RE = /[\u00C0-\u024F\u1E00-\u1EFF]/g;
const COMBINING_DIACRITICS_RE = /[\u0300-\u036F]+/g;

/** Latin letters that NFD does not decompose but readers expect transliterated. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ħ: 'h', ı: 'i',
};

// NFD per Latin character only: NFD on Arabic would split أ into ا + hamza.
const stripLatinDiacritics = (ch: string): string => LATIN_SPECIAL[ch] ?? ch.normalize('NFD');

/**
 * Cuts a slug to at most `maxLength`, at a '-' boundary when that keeps at
 * least half the budget (otherwise a hard cut: one huge word should not
 * collapse to a stub). Never leaves a trailing '-'.
 */
export function truncateSlug(slug: string, maxLength = SLUG_MAX_LENGTH): string {
  if (slug.length <= maxLength) return slug;
  if (maxLength <= 0) return '';
  let cut = slug.slice(0, maxLength);
  if (slug[maxLength] !== '-') {
    const boundary = cut.lastIndexOf('-');
    if (boundary >= maxLength / 2) cut = cut.slice(0, boundary);
  }
  return cut.replace(EDGE_DASHES_RE, '');
}

/**
 * Title → slug. Returns '' when the input has no letters or digits; callers
 * must then supply a fallback (e.g. the document id or a date).
 */
export function slugify(input: string, maxLength = SLUG_MAX_LENGTH): string {
  let s = input.normalize('NFKC').replace(INVISIBLES_RE, '');
  s = lowerLatin(toAsciiDigits(s));
  // "Café" → "cafe". Stray U+0300–036F marks are dropped too rather than
  // splitting a word; Arabic uses none of them.
  s = s.replace(LATIN_LETTER_RE, stripLatinDiacritics).replace(COMBINING_DIACRITICS_RE, '');
  s = s.replace(SEPARATOR_RUN_RE, '-').replace(EDGE_DASHES_RE, '');
  return truncateSlug(s, maxLength);
}

/** True for a non-empty slug of at most SLUG_MAX_LENGTH characters matching SLUG_REGEX_SOURCE. */
export function isValidSlug(s: string): boolean {
  return s.length <= SLUG_MAX_LENGTH && SLUG_RE.test(s);
}

/** `base` for n <= 1, else `base-n`, shortening base so the result fits in maxLength. */
export function withSuffix(base: string, n: number, maxLength = SLUG_MAX_LENGTH): string {
  if (n <= 1) return truncateSlug(base, maxLength);
  const suffix = `-${n}`;
  return truncateSlug(base, maxLength - suffix.length) + suffix;
}

/** Upper bound on probes, so a broken `isTaken` cannot loop forever. */
const MAX_ATTEMPTS = 10_000;

/**
 * First of base, base-2, base-3 … for which `isTaken` resolves false.
 *
 * `base` must be a non-empty slug: when slugify() returns '' (title without
 * letters/digits) the CALLER passes a fallback base instead; an empty base
 * throws rather than producing '-2'.
 * Check-then-insert is racy: keep a unique index on the column as well.
 */
export async function uniqueSlug(
  base: string,
  isTaken: (candidate: string) => Promise<boolean>,
  maxLength = SLUG_MAX_LENGTH,
): Promise<string> {
  if (base === '') throw new TypeError('uniqueSlug: empty base; pass a fallback slug');
  for (let n = 1; n <= MAX_ATTEMPTS; n++) {
    const candidate = withSuffix(base, n, maxLength);
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`uniqueSlug: no free slug for "${base}" after ${MAX_ATTEMPTS} attempts`);
}
