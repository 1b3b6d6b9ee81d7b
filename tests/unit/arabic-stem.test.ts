import fs from 'node:fs';
import path from 'node:path';
import { analyzeWords, keysMatch, snowballArabic, STEMMER_VERSION, wordKeys } from '../../src/lib/arabic-stem';
import { normalizeArabic } from '../../src/lib/arabic-normalize';
import { fts5Columns, tsvectors } from '../../src/lib/search-index-terms';
import { ARABIC_SEARCH_CORPUS } from '../fixtures/arabic-search-corpus';

/**
 * Reference vocabulary: every Arabic word of this repository's texts and seeds
 * (normalised) plus prefixed/suffixed forms of them, with PostgreSQL 15's
 * answer, made by:
 *   \copy v from 'words.txt'
 *   \copy (select w, coalesce((ts_lexize('arabic_stem', w))[1], '') from v) to 'arabic-stem-vocabulary.tsv'
 * tests/integration/search-recall.test.ts asks the running PostgreSQL again.
 */
const vocabulary = fs
  .readFileSync(path.join(__dirname, '../fixtures/arabic-stem-vocabulary.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t') as [string, string]);

describe('Snowball arabic, as PostgreSQL runs it', () => {
  it(`agrees with ts_lexize('arabic_stem') on all ${vocabulary.length} words of the reference vocabulary`, () => {
    expect(vocabulary.length).toBeGreaterThan(2500);
    const disagreements = vocabulary.filter(([word, pg]) => snowballArabic(word) !== pg);
    expect(disagreements).toEqual([]);
  });
});

describe('word keys', () => {
  it.each([
    ['the definite article', 'اقتصادي', 'الاقتصادي'],
    ['و before ال', 'الاقتصاد', 'والاقتصاد'],
    ['ف before ال', 'الحكومة', 'فالحكومة'],
    ['ل without ال', 'مدينة', 'لمدينة'],
    ['sound masculine plural', 'معلم', 'المعلمين'],
    ['feminine plural', 'طالبة', 'طالبات'],
    ['dual', 'الوزير', 'الوزيران'],
    ['ة with and without ال', 'حكومة', 'الحكومة'],
    ['ة typed as ه', 'مدرسه', 'مدرسة'],
    ['attached pronoun', 'سيارة', 'سيارته'],
    ['a stem-looking و that is a root letter', 'وزير', 'الوزير'],
  ])('%s: %s finds %s', (_name, query, written) => {
    expect(keysMatch(wordKeys(query), wordKeys(written))).toBe(true);
  });

  it.each([
    ['different words', 'النفط', 'الذهب'],
    ['a root that only shares letters', 'مدرسة', 'درس'],
  ])('%s: %s does not find %s', (_name, query, written) => {
    expect(keysMatch(wordKeys(query), wordKeys(written))).toBe(false);
  });

  it("surfaces are normalizeArabic's words, and non-Arabic words are their own stem", () => {
    const text = 'أَسْعَارُ النفط في الـمدرسة ٢٠٢٥ Oil PRICES';
    expect(analyzeWords(text).map((w) => w.surface).join(' ')).toBe(normalizeArabic(text));
    expect(wordKeys('PRICES')).toEqual({ surface: 'prices', stem: 'prices', alt: 'prices' });
    expect(wordKeys('٢٠٢٥')).toEqual({ surface: '2025', stem: '2025', alt: '2025' });
    expect(wordKeys('\uE000')).toEqual({ surface: '', stem: '', alt: '' });
  });

  it('splits words like /[\p{L}\p{N}]+/u, astral letters included and emoji not', () => {
    const text = 'سعر\u{20000}ب 👨\u200D👩 النفط،الغاز x1 — ٣';
    expect(analyzeWords(text).map((w) => w.surface)).toEqual(normalizeArabic(text).match(/[\p{L}\p{N}]+/gu));
  });

  it('names its version', () => {
    expect(STEMMER_VERSION).toMatch(/snowball-arabic/);
  });
});

describe('recall on the query/document corpus, in memory', () => {
  it('finds at least 95 % of the pairs (the engines are held to the same in tests/integration/search-recall.test.ts)', () => {
    expect(ARABIC_SEARCH_CORPUS.length).toBeGreaterThanOrEqual(100);
    const found = ARABIC_SEARCH_CORPUS.filter((p) => analyzeWords(p.text).some((w) => keysMatch(wordKeys(p.query), w)));
    const exact = ARABIC_SEARCH_CORPUS.filter((p) => normalizeArabic(p.text).split(' ').includes(normalizeArabic(p.query)));
    const recall = found.length / ARABIC_SEARCH_CORPUS.length;
    console.log(`word keys: recall ${recall.toFixed(3)}; whole normalised words only: ${(exact.length / ARABIC_SEARCH_CORPUS.length).toFixed(3)}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('index terms', () => {
  const text = { title: 'الوزير يزور المدرسة', excerpt: 'ووزارة الصحة', body: 'النفط' };

  it('FTS5: surface and stem columns word for word, alt only where it differs', () => {
    expect(fts5Columns(text)).toEqual({
      title: 'الوزير يزور المدرسه',
      excerpt: 'ووزاره الصحه',
      body: 'النفط',
      title_k: 'وزير يزور مدرس',
      excerpt_k: 'وزار الصح',
      body_k: 'نفط',
      alt: 'زار',
    });
  });

  it('PostgreSQL: every key at the word position, weighted A/B/C, the head without the body', () => {
    const { head, full } = tsvectors(text);
    expect(head).toContain("'الوزير':1A '~وزير':1A");
    expect(head).toContain("'ووزاره':4B '~وزار':4B '^زار':4B");
    expect(head).not.toContain('نفط');
    expect(full).toContain("'النفط':6 '~نفط':6");
  });

  it('PostgreSQL: at most 256 positions per lexeme, positions capped at 16383', () => {
    const { full } = tsvectors({ title: '', excerpt: '', body: 'كلمة '.repeat(20_000) });
    const positions = full.split(' ')[0].split(':')[1].split(',');
    expect(positions).toHaveLength(256);
    const many = tsvectors({ title: '', excerpt: '', body: Array.from({ length: 17_000 }, (_, i) => `w${i}`).join(' ') }).full;
    expect(many).toContain("'w16999':16383");
  });
});
