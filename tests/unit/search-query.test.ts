import {
  hasExclusions, parseSearchQuery, positiveKeys, positiveWords, toFts5Match, toTsquery, withoutExclusions, SearchQueryError, MAX_QUERY_LENGTH,
  type ParsedQuery,
} from '../../src/lib/search-query';

/** The parse without the word keys (arabic-stem.test.ts covers those). */
const shape = (q: ParsedQuery) => q.map((g) => g.map(({ words, negated }) => ({ words, negated })));

describe('parseSearchQuery', () => {
  it('normalises words and keeps them in order', () => {
    expect(shape(parseSearchQuery('أسعارُ النفط ٢٠٢٥'))).toEqual([[
      { words: ['اسعار'], negated: false },
      { words: ['النفط'], negated: false },
      { words: ['2025'], negated: false },
    ]]);
  });

  it('reads quoted phrases, exclusions and or (any case)', () => {
    expect(shape(parseSearchQuery('"البنك المركزي" -الفائدة OR قطر'))).toEqual([
      [{ words: ['البنك', 'المركزي'], negated: false }, { words: ['الفايده'], negated: true }],
      [{ words: ['قطر'], negated: false }],
    ]);
  });

  it('treats punctuation inside a word as a phrase and drops punctuation-only chunks', () => {
    expect(shape(parseSearchQuery('covid-19 ، !!'))).toEqual([[{ words: ['covid', '19'], negated: false }]]);
  });

  it('an unterminated quote runs to the end; a lone "-" is not an exclusion', () => {
    expect(shape(parseSearchQuery('"ميناء جبل علي'))).toEqual([[{ words: ['ميناء', 'جبل', 'علي'], negated: false }]]);
    expect(shape(parseSearchQuery('دبي - أبوظبي'))).toEqual([[
      { words: ['دبي'], negated: false },
      { words: ['ابوظبي'], negated: false },
    ]]);
  });

  it('drops groups made only of exclusions, and dangling or', () => {
    expect(shape(parseSearchQuery('or قطر or -عمان'))).toEqual([[{ words: ['قطر'], negated: false }]]);
  });

  it.each([[''], ['   '], ['-النفط'], ['-"a b"'], ['!!! ؟؟'], ['x'.repeat(MAX_QUERY_LENGTH + 1)], [undefined], [['a']]])(
    'refuses %j',
    (q) => {
      expect(() => parseSearchQuery(q)).toThrow(SearchQueryError);
    },
  );

  it('accepts exactly the maximum length', () => {
    expect(parseSearchQuery('ب'.repeat(MAX_QUERY_LENGTH))).toHaveLength(1);
  });
});

describe('rendering', () => {
  const q = parseSearchQuery('"البنك المركزي" -الفائدة or قطر');

  it('every word carries its keys: surface, stem, stem without a proclitic', () => {
    expect(q[0][1].keys).toEqual([{ surface: 'الفايده', stem: 'فايد', alt: 'فايد' }]);
    expect(parseSearchQuery('ووزارة')[0][0].keys).toEqual([{ surface: 'ووزاره', stem: 'وزار', alt: 'زار' }]);
  });

  it('for PostgreSQL: a word is any key as any kind of lexeme; a phrase is surfaces or stems in order', () => {
    expect(toTsquery(q)).toBe(
      "((('البنك' <-> 'المركزي') | ('~بنك' <-> '~مركز')) & !('الفايده' | '~الفايده' | '^الفايده' | 'فايد' | '~فايد' | '^فايد')) | (('قطر' | '~قطر' | '^قطر'))",
    );
  });

  it('for FTS5, with every term quoted so words like NOT or NEAR stay words', () => {
    expect(toFts5Match(q)).toBe(
      '((({title excerpt body} : "البنك المركزي" OR {title_k excerpt_k body_k} : "بنك مركز"))) NOT ("الفايده" OR "فايد") OR (("قطر"))',
    );
    expect(toFts5Match(parseSearchQuery('not near and'))).toBe('(("not") AND ("near") AND ("and"))');
  });

  it('positiveWords and positiveKeys list what to highlight, without exclusions', () => {
    expect(positiveWords(q)).toEqual(['البنك', 'المركزي', 'قطر']);
    expect(positiveKeys(q).map((k) => k.stem)).toEqual(['بنك', 'مركز', 'قطر']);
  });

  it('withoutExclusions keeps what ranking weighs; hasExclusions tells whether anything was dropped', () => {
    expect(toTsquery(withoutExclusions(q))).toBe("((('البنك' <-> 'المركزي') | ('~بنك' <-> '~مركز'))) | (('قطر' | '~قطر' | '^قطر'))");
    expect(hasExclusions(q)).toBe(true);
    expect(hasExclusions(parseSearchQuery('قطر or "البنك المركزي"'))).toBe(false);
  });
});
