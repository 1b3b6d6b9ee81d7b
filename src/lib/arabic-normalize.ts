/**
 * Arabic text normalisation for search.
 *
 * `normalizeArabic` is the ONE function applied to both indexed text and user
 * queries, so that spelling variants (hamza forms, taa marbuta, alef maqsura,
 * Persian letters, digit sets, diacritics, tatweel, invisible controls) meet.
 * It is lossy on purpose: never store its output as display text.
 *
 * No dependencies; the character classes below are exported so that the slug
 * module reuses exactly the same definitions.
 */

/** Inclusive code-point ranges. All of them are in the BMP. */
export type CodeRange = readonly [number, number];

/** Arabic harakat/tashkeel, Quranic annotation marks, superscript alef. */
export const ARABIC_MARK_RANGES: readonly CodeRange[] = [
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
];

/** Arabic tatweel (kashida): typographic stretching, never meaningful. */
export const TATWEEL = '\u0640';

/**
 * Zero-width and bidi controls that CMS copy/paste (Word, social media) leaves
 * inside Arabic text. Besides the brief's list we also drop U+061C ARABIC
 * LETTER MARK, U+2060 WORD JOINER and U+00AD SOFT HYPHEN: same kind of
 * invisible format character, and they would otherwise split words.
 */
export const INVISIBLE_CONTROL_RANGES: readonly CodeRange[] = [
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2060],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];

/** Upper-case Latin letters live in these blocks (Basic, Latin-1, Ext-A/B, Ext Additional). */
const LATIN_RANGES: readonly CodeRange[] = [
  [0x0041, 0x005a],
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
];

const hex = (n: number): string => '\\u' + n.toString(16).toUpperCase().padStart(4, '0');

/** Turns ranges into the inside of a regex character class, as `\uXXXX` escapes (no `u` flag needed). */
export function rangesToClass(ranges: readonly CodeRange[]): string {
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
}

// Global regexes: meant for String#replace (which resets lastIndex), not for .test().
export const ARABIC_MARKS_RE = new RegExp(`[${rangesToClass(ARABIC_MARK_RANGES)}]`, 'g');
export const TATWEEL_RE = /\u0640/g;
export const BIDI_CONTROLS_RE = new RegExp(`[${rangesToClass(INVISIBLE_CONTROL_RANGES)}]`, 'g');
/** Marks + tatweel + invisible controls in one class: everything both modules delete outright. */
export const INVISIBLES_RE = new RegExp(
  `[${rangesToClass(ARABIC_MARK_RANGES)}\\u0640${rangesToClass(INVISIBLE_CONTROL_RANGES)}]`,
  'g',
);
/** Arabic-Indic (U+0660–0669) and Persian/Extended (U+06F0–06F9) digits. */
export const NON_ASCII_DIGITS_RE = /[\u0660-\u0669\u06F0-\u06F9]/g;
const LATIN_RE = new RegExp(`[${rangesToClass(LATIN_RANGES)}]`, 'g');

/** Letter folds used for search only (slugs keep the original spelling). */
export const ARABIC_LETTER_FOLDS: Readonly<Record<string, string>> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u06A9': '\u0643', // Persian ک → ك
  '\u06CC': '\u064A', // Persian ی → ي
};

// Both digit blocks start at ...0, so the low nibble is the digit value.
const asciiDigit = (d: string): string => String.fromCharCode(48 + (d.charCodeAt(0) & 0xf));

/** Arabic-Indic and Persian digits → ASCII 0-9; everything else untouched. */
export function toAsciiDigits(s: string): string {
  return s.replace(NON_ASCII_DIGITS_RE, asciiDigit);
}

/** Code unit → lower-case code unit, for Latin letters only (Greek, Cyrillic… are left alone). */
const LATIN_LOWER = new Map<number, number>();
for (const [a, b] of LATIN_RANGES) {
  for (let c = a; c <= b; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1 && lower.charCodeAt(0) !== c) LATIN_LOWER.set(c, lower.charCodeAt(0));
  }
}
// toLowerCase('İ') is "i" + U+0307 (two units); a plain "i" is what searchers type.
LATIN_LOWER.set(0x0130, 0x69);

const lowerLatinChar = (ch: string): string => {
  const l = LATIN_LOWER.get(ch.charCodeAt(0));
  return l === undefined ? ch : String.fromCharCode(l);
};

/** Lower-cases Latin letters only; Arabic, other scripts and emoji are untouched. */
export function lowerLatin(s: string): string {
  return s.replace(LATIN_RE, lowerLatinChar);
}

// ---------------------------------------------------------------------------
// Single-pass lookup table for normalizeArabic: one entry per BMP code unit.
// 0 = keep, 1 = delete, 2 = whitespace, 3 = ZWJ; anything else is the
// replacement code unit (all replacements are >= U+0030). Surrogates are kept,
// so astral characters (emoji) pass through untouched.
// ---------------------------------------------------------------------------
const KEEP = 0;
const DELETE = 1;
const SPACE = 2;
const ZWJ = 3; // U+200D: deleted, except inside emoji ZWJ sequences
const TABLE = new Uint16Array(0x10000);

// Same set as JS `\s` (minus U+FEFF, which is deleted), plus U+0085 NEL.
for (const [a, b] of [
  [0x0009, 0x000d], [0x0020, 0x0020], [0x0085, 0x0085], [0x00a0, 0x00a0], [0x1680, 0x1680],
  [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000],
] as const) {
  for (let c = a; c <= b; c++) TABLE[c] = SPACE;
}
for (const [c, l] of LATIN_LOWER) TABLE[c] = l;
for (let d = 0; d < 10; d++) {
  TABLE[0x0660 + d] = 0x30 + d;
  TABLE[0x06f0 + d] = 0x30 + d;
}
for (const [from, to] of Object.entries(ARABIC_LETTER_FOLDS)) TABLE[from.charCodeAt(0)] = to.charCodeAt(0);
for (const [a, b] of [...ARABIC_MARK_RANGES, ...INVISIBLE_CONTROL_RANGES, [0x0640, 0x0640] as const]) {
  for (let c = a; c <= b; c++) TABLE[c] = DELETE;
}
TABLE[0x200d] = ZWJ;

/**
 * Normalises Arabic (and mixed) text for search indexing and querying.
 *
 * NFKC (also maps presentation forms U+FB50–FDFF/FE70–FEFF to base letters and
 * full-width Latin to ASCII) → drop marks, tatweel, invisible controls → fold
 * أإآٱ→ا ى→ي ة→ه ؤ→و ئ→ي ک→ك ی→ي → digits to ASCII → Latin lower-case →
 * collapse whitespace runs to one space and trim.
 *
 * Idempotent: normalizeArabic(normalizeArabic(x)) === normalizeArabic(x).
 */
export function normalizeArabic(text: string): string {
  const s = text.normalize('NFKC');
  const n = s.length;
  let out = '';
  let runStart = 0; // start of the current run of kept code units
  let space = false; // a whitespace run is pending (emitted only between content)
  let recompose = false;

  for (let i = 0; i < n; i++) {
    let a = TABLE[s.charCodeAt(i)];
    if (a === KEEP) continue;
    if (a === ZWJ) {
      // Keep ZWJ after an emoji (astral → low surrogate, or VS16 U+FE0F) so
      // sequences like 👨‍👩‍👧 survive; elsewhere it is just an invisible joiner.
      const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
      if ((prev >= 0xdc00 && prev <= 0xdfff) || prev === 0xfe0f) continue;
      a = DELETE;
    }
    // Flush the kept run before the special character.
    if (i > runStart) {
      if (space) {
        if (out.length > 0) out += ' ';
        space = false;
      }
      out += s.slice(runStart, i);
    }
    runStart = i + 1;
    if (a === DELETE) {
      // Removing a character can join a base and a combining mark that NFKC
      // would now compose (e.g. "e\u200B\u0301"): re-normalise at the end.
      recompose = true;
    } else if (a === SPACE) {
      space = true;
    } else {
      if (space) {
        if (out.length > 0) out += ' ';
        space = false;
      }
      // Lower-casing can also create a composable pair ("J\u030C" → "ǰ").
      // Replacements are ASCII digits, Arabic letters (never composable) or Latin lower-case.
      if (a > 0x39 && (a < 0x0600 || a > 0x06ff)) recompose = true;
      out += String.fromCharCode(a);
    }
  }
  if (runStart === 0) return s; // nothing to change (also covers the empty string)
  if (n > runStart) {
    if (space && out.length > 0) out += ' ';
    out += s.slice(runStart);
  }
  return recompose ? out.normalize('NFKC') : out;
}

/**
 * The per-character part of `normalizeArabic` as data, so the PostgreSQL twin
 * (a translate() call, see arabic-normalize-sql.ts) is generated from the very
 * same table instead of being retyped. NFKC, the ZWJ-in-emoji rule and
 * whitespace collapsing are expressed separately there.
 */
export function normalizerCharMap(): { mapped: Array<[string, string]>; deleted: string; spaces: string } {
  const mapped: Array<[string, string]> = [];
  let deleted = '';
  let spaces = '';
  for (let c = 0; c < TABLE.length; c++) {
    const a = TABLE[c];
    if (a === KEEP || a === ZWJ) continue;
    const ch = String.fromCharCode(c);
    if (a === DELETE) deleted += ch;
    else if (a === SPACE) spaces += ch;
    else mapped.push([ch, String.fromCharCode(a)]);
  }
  return { mapped, deleted, spaces };
}
